package com.chatgptconnector.openai;

import com.chatgptconnector.json.JsonFactory;
import com.chatgptconnector.problem.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** What the connector needs from a chat completion: the answer, why it ended, and the tokens. */
public record ChatCompletionSummary(String model, String content, String finishReason, long promptTokens, long completionTokens) {

    /** A 2xx body that is not a chat completion is OpenAI misbehaving: {@code upstream_error}. */
    public static ChatCompletionSummary parse(String body, String requestId) {
        try {
            JsonObject completion = JsonFactory.readObject(body);
            JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
            JsonObject message = choice.getJsonObject("message");
            String content = message.get("content") == null || message.get("content").getValueType() == JsonValue.ValueType.NULL
                    ? "" : message.getString("content");
            JsonObject usage = completion.getJsonObject("usage");
            return new ChatCompletionSummary(completion.getString("model", null), content,
                    choice.getString("finish_reason", null),
                    usage == null ? 0 : usage.getJsonNumber("prompt_tokens").longValue(),
                    usage == null ? 0 : usage.getJsonNumber("completion_tokens").longValue());
        } catch (RuntimeException notACompletion) {
            throw new OpenAiException(new OpenAiFailure(ErrorCode.UPSTREAM_ERROR, false, null, requestId, 200, null, null, null));
        }
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
