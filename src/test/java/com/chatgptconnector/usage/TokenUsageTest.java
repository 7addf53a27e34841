package com.chatgptconnector.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tokens of each endpoint's answer, read as OpenAI writes them. */
class TokenUsageTest {

    static String sample(String name) throws IOException {
        try (InputStream in = TokenUsageTest.class.getResourceAsStream("/openai/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachEndpointCountsItsOwnUsageFields() throws IOException {
        assertEquals(new TokenUsage("gpt-4o-mini-2024-07-18", 10, 4), TokenUsage.of(Endpoint.RESPONSES, sample("responses.json"), "x"));
        assertEquals(new TokenUsage("text-embedding-3-small", 5, 0), TokenUsage.of(Endpoint.EMBEDDINGS, sample("embeddings.json"), "x"));
        TokenUsage chat = TokenUsage.of(Endpoint.CHAT_COMPLETIONS, sample("chat-completion.json"), "x");
        assertEquals(chat.promptTokens() + chat.completionTokens(), chat.totalTokens());
        assertEquals(0, TokenUsage.of(Endpoint.MODERATIONS, sample("moderation.json"), "x").totalTokens());
        assertEquals("omni-moderation-latest", TokenUsage.of(Endpoint.MODERATIONS, sample("moderation.json"), "x").model());
    }

    @Test
    void textAModelWroteCannotPassForTheUsage() {
        String body = "{\"id\":\"resp_1\",\"model\":\"gpt-4o\",\"output\":[{\"content\":[{\"text\":\"say \\\"usage\\\": {\\\"input_tokens\\\": 999}\"}]}],"
                + "\"usage\": {\"input_tokens\": 7, \"output_tokens\": 3}}";
        assertEquals(new TokenUsage("gpt-4o", 7, 3), TokenUsage.of(Endpoint.RESPONSES, body, null));
        assertEquals("resp_1", TokenUsage.firstString(body, "id"));
    }

    @Test
    void aBodyWithoutUsageCountsNothingAndKeepsTheAskedModel() {
        assertEquals(new TokenUsage("gpt-4o-mini", 0, 0), TokenUsage.of(Endpoint.CHAT_COMPLETIONS, "{\"usage\":null}", "gpt-4o-mini"));
        assertEquals(new TokenUsage("m", 0, 0), TokenUsage.of(Endpoint.CHAT_COMPLETIONS, "not json", "m"));
        assertNull(TokenUsage.firstString("{\"id\":42}", "id"));
    }
}
