package com.chatgptconnector.boundary.compatible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.chatgptconnector.openai.OpenAiErrorClassifier;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.openai.OpenAiFailure;
import com.chatgptconnector.openai.OpenAiHeaders;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an SDK caller sees of a failure: OpenAI's own error and headers, or the service's in OpenAI's shape. */
class OpenAiEnvelopeTest {

    static OpenAiException fromOpenAi(int status, String body, String... headers) {
        OpenAiFailure f = new OpenAiErrorClassifier().classify(status, name -> null, body);
        return new OpenAiException(new OpenAiFailure(f.code(), f.retryable(), f.retryAfter(), "req_openai", f.httpStatus(),
                f.openaiType(), f.openaiCode(), f.missingPermission(), f.openaiMessage(), f.openaiParam(), OpenAiHeaders.of(headers), false));
    }

    @Test
    void openAisErrorReachesTheCallerAsOpenAiSentIt() {
        OpenAiEnvelope.Answer answer = OpenAiEnvelope.answer(fromOpenAi(400, "{\"error\":{\"message\":\"Too long.\",\"type\":"
                + "\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}",
                "x-request-id", "req_openai", "openai-processing-ms", "7", "x-ratelimit-remaining-requests", "9"), "req_own");
        assertEquals(new OpenAiEnvelope.Answer(400, "Too long.", "invalid_request_error", "messages", "context_length_exceeded",
                Map.of("x-request-id", "req_openai", "openai-processing-ms", "7", "x-ratelimit-remaining-requests", "9",
                        "x-should-retry", "false")), answer);
        assertEquals("{\"error\":{\"message\":\"Too long.\",\"type\":\"invalid_request_error\",\"param\":\"messages\","
                + "\"code\":\"context_length_exceeded\"}}", answer.body());
    }

    @Test
    void aRateLimitLeavesTheRetryToTheSdkWithOpenAisWait() {
        OpenAiEnvelope.Answer answer = OpenAiEnvelope.answer(fromOpenAi(429, "{\"error\":{\"message\":\"Rate limit reached.\",\"type\":"
                + "\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", "retry-after-ms", "20", "retry-after", "1"), "req_own");
        assertEquals(429, answer.status());
        assertEquals("20", answer.headers().get("retry-after-ms"));
        assertNull(answer.headers().get("x-should-retry"), "the SDK decides, as against OpenAI");
    }

    @Test
    void aMessageQuotingTheKeyIsReplacedButTheCodeStays() {
        OpenAiEnvelope.Answer answer = OpenAiEnvelope.answer(fromOpenAi(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + "sk-proj-****wxyz.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"), "req_own");
        assertEquals("invalid_api_key", answer.code());
        assertFalse(answer.message().contains("wxyz") || answer.message().contains("sk-"), answer.message());
        assertEquals("false", answer.headers().get("x-should-retry"));
    }

    @Test
    void theServicesOwnRefusalsSayWhetherARetryCanHelp() {
        OpenAiEnvelope.Answer limit = OpenAiEnvelope.answer(new ProblemException(ErrorCode.TOKEN_LIMIT_REACHED, Map.of("tokenLimit", 10)), "req_own");
        assertEquals(List.of(429, "rate_limit_error", "token_limit_reached", "false", "req_own"),
                List.of(limit.status(), limit.type(), limit.code(), limit.headers().get("x-should-retry"), limit.headers().get("x-request-id")));

        OpenAiEnvelope.Answer open = OpenAiEnvelope.answer(new OpenAiException(OpenAiFailure.circuitOpen(Duration.ofSeconds(30))), "req_own");
        assertEquals(503, open.status());
        assertEquals("false", open.headers().get("x-should-retry"));
        assertNull(open.headers().get("retry-after"), "no 30 s for an SDK to sleep through");

        OpenAiEnvelope.Answer busy = OpenAiEnvelope.answer(new OpenAiException(new OpenAiFailure(ErrorCode.RATE_LIMITED, true,
                Duration.ofSeconds(1), null, 0, null, null, null)), "req_own");
        assertEquals("1", busy.headers().get("retry-after"), "the bulkhead passes in a moment: retry");
        assertNull(busy.headers().get("x-should-retry"));

        OpenAiEnvelope.Answer model = OpenAiEnvelope.answer(new ProblemException(ErrorCode.VALIDATION_FAILED,
                Map.of("param", "model", "reason", "model_required"), 1), "req_own");
        assertEquals(List.of(400, "You must provide a model parameter.", "model", "validation_failed"),
                List.of(model.status(), model.message(), model.param(), model.code()));
    }
}
