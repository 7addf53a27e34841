package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.problem.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

/** Reading OpenAI's stream events, choosing the headers a client sees, and keeping key fragments out. */
class OpenAiEventsAndHeadersTest {

    @Test
    void chatEventsAreToldApartByCheapChecks() {
        assertTrue(OpenAiEvents.isDone("[DONE]"));
        assertTrue(OpenAiEvents.isError("{\"error\":{\"message\":\"x\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
        assertFalse(OpenAiEvents.isError("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"\\\"error\\\":{\"}}]}"));
        assertNull(OpenAiEvents.chatUsage("{\"choices\":[{\"delta\":{}}],\"usage\":null}"));
        assertEquals(new OpenAiEvents.Usage("m", 19, 4),
                OpenAiEvents.chatUsage("{\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":4,\"total_tokens\":23}}"));
        assertEquals("{\"choices\":[]}", OpenAiEvents.withoutNullUsage("{\"choices\":[],\"usage\":null}"));
        String untouched = "{\"choices\":[]}";
        assertTrue(untouched == OpenAiEvents.withoutNullUsage(untouched), "no copy where nothing changes");
    }

    @Test
    void responsesEventsCarryTheirTypeAndUsage() {
        assertEquals("response.completed", OpenAiEvents.responseEventType("response.completed", "{}"));
        assertEquals("response.created", OpenAiEvents.responseEventType(null, "{\"type\":\"response.created\"}"));
        String completed = "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"m\",\"usage\":{\"input_tokens\":10,\"output_tokens\":4}}}";
        assertEquals("resp_1", OpenAiEvents.responseId(completed));
        assertEquals(new OpenAiEvents.Usage("m", 10, 4), OpenAiEvents.responseUsage(completed));
        assertNull(OpenAiEvents.responseUsage("not json"));
    }

    @Test
    void onlyTheHeadersAClientMaySeeArePassedThrough() {
        BasicHttpResponse answer = new BasicHttpResponse(429);
        for (String[] h : new String[][]{{"X-Request-Id", "req_1"}, {"openai-processing-ms", "12"}, {"x-ratelimit-remaining-tokens", "9"},
                {"retry-after", "1"}, {"retry-after-ms", "20"}, {"x-should-retry", "false"}, {"set-cookie", "__cf_bm=secret"},
                {"openai-organization", "org-secret"}, {"cf-ray", "x"}}) {
            answer.addHeader(h[0], h[1]);
        }
        List<String> seen = new ArrayList<>();
        OpenAiHeaders.of(answer).forEach((name, value) -> seen.add(name + "=" + value));
        assertEquals(List.of("x-request-id=req_1", "openai-processing-ms=12", "x-ratelimit-remaining-tokens=9", "retry-after=1",
                "retry-after-ms=20", "x-should-retry=false"), seen);
        assertEquals("20", OpenAiHeaders.of(answer).get("retry-after-ms"));
        assertTrue(OpenAiHeaders.of(new BasicHttpResponse(200)) == OpenAiHeaders.NONE);
    }

    @Test
    void openAisMessageReachesTheCallerUnlessItQuotesAKey() {
        OpenAiErrorClassifier classifier = new OpenAiErrorClassifier();
        OpenAiFailure invalidKey = classifier.classify(401, name -> null, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + "sk-proj-********wxyz. You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        assertEquals(ErrorCode.API_KEY_INVALID, invalidKey.code());
        assertNull(invalidKey.safeMessage(), "the key's tail stays with the service");
        OpenAiFailure context = classifier.classify(400, name -> null, "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}");
        assertEquals("This model's maximum context length is 128000 tokens.", context.safeMessage());
        assertEquals("messages", context.openaiParam());
        assertTrue(OpenAiFailure.circuitOpen(java.time.Duration.ofSeconds(30)).circuitOpen());
        assertFalse(KeyFragments.present("the task-list says ask-me"));
        assertTrue(KeyFragments.present("key SK-abcd1234 rejected"));
    }
}
