package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.problem.ErrorCode;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiErrorClassifierTest {

    private static final String SAMPLE_REQUEST_ID = "req_5c2a8f2e0d1b4f6e9a7c3b1d2e4f6a8b";
    private static final String REQUEST_ID = "req_test_0001";
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    private final OpenAiErrorClassifier classifier = new OpenAiErrorClassifier(Clock.fixed(NOW, ZoneOffset.UTC));

    // ---- every sample in src/test/resources/openai (OpenAI's real shapes), with the status OpenAI sends it with ----

    @Test
    void insufficientQuotaIsNeverRetriedEvenWhenTheServerSendsRetryAfter() {
        OpenAiFailure f = classifier.classify(429, sampleHeaders(), sample("error-insufficient-quota.json"));
        assertFailure(f, ErrorCode.INSUFFICIENT_QUOTA, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals(429, f.httpStatus());
        assertEquals("insufficient_quota", f.openaiType());
        assertEquals("insufficient_quota", f.openaiCode());
    }

    @Test
    void rateLimitOnRequestsHonoursRetryAfterMsBeforeTheResetHeaders() {
        // sample headers: retry-after-ms 20000, retry-after 20, reset-requests 6ms, reset-tokens 0s
        OpenAiFailure f = classifier.classify(429, sampleHeaders(), sample("error-rate-limit-requests.json"));
        assertFailure(f, ErrorCode.RATE_LIMITED, true, Duration.ofSeconds(20), SAMPLE_REQUEST_ID, null);
        assertEquals("requests", f.openaiType());
        assertEquals("rate_limit_exceeded", f.openaiCode());
    }

    @Test
    void rateLimitOnTokensFallsBackToTheLongerResetWhenNoRetryAfterIsSent() {
        Map<String, String> headers = sampleHeaderMap();
        headers.remove("retry-after");
        headers.remove("retry-after-ms");
        OpenAiFailure f = classifier.classify(429, headers::get, sample("error-rate-limit-tokens.json"));
        // reset-requests 6ms beats reset-tokens 0s
        assertFailure(f, ErrorCode.RATE_LIMITED, true, Duration.ofMillis(6), SAMPLE_REQUEST_ID, null);
        assertEquals("tokens", f.openaiType());
        assertEquals("rate_limit_exceeded", f.openaiCode());
    }

    @Test
    void invalidApiKey() {
        OpenAiFailure f = classifier.classify(401, sampleHeaders(), sample("error-invalid-api-key.json"));
        assertFailure(f, ErrorCode.API_KEY_INVALID, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals("invalid_api_key", f.openaiCode());
        assertEquals("invalid_request_error", f.openaiType());
    }

    @Test
    void mismatchedOrganization() {
        OpenAiFailure f = classifier.classify(401, sampleHeaders(), sample("error-mismatched-organization.json"));
        assertFailure(f, ErrorCode.API_KEY_INVALID, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals("mismatched_organization", f.openaiCode());
    }

    @Test
    void insufficientPermissionsNamesTheMissingScope() {
        OpenAiFailure f = classifier.classify(401, sampleHeaders(), sample("error-insufficient-permissions.json"));
        assertFailure(f, ErrorCode.API_KEY_INVALID, false, null, SAMPLE_REQUEST_ID, "api.model.read");
        assertNull(f.openaiCode());
        assertEquals("invalid_request_error", f.openaiType());
    }

    @Test
    void modelNotFound() {
        OpenAiFailure f = classifier.classify(404, sampleHeaders(), sample("error-model-not-found.json"));
        assertFailure(f, ErrorCode.INVALID_REQUEST, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals("model_not_found", f.openaiCode());
    }

    @Test
    void contextLengthExceeded() {
        OpenAiFailure f = classifier.classify(400, sampleHeaders(), sample("error-context-length.json"));
        assertFailure(f, ErrorCode.INVALID_REQUEST, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals("context_length_exceeded", f.openaiCode());
    }

    @Test
    void serverErrorWithoutRetryAfterHasNoHint() {
        OpenAiFailure f = classifier.classify(500, requestIdOnly(), sample("error-server.json"));
        assertFailure(f, ErrorCode.OPENAI_UNAVAILABLE, true, null, REQUEST_ID, null);
        assertEquals("server_error", f.openaiType());
        assertNull(f.openaiCode());
    }

    @Test
    void serverErrorHonoursRetryAfter() {
        OpenAiFailure f = classifier.classify(500, sampleHeaders(), sample("error-server.json"));
        assertFailure(f, ErrorCode.OPENAI_UNAVAILABLE, true, Duration.ofSeconds(20), SAMPLE_REQUEST_ID, null);
    }

    @Test
    void overloaded() {
        OpenAiFailure f = classifier.classify(503, requestIdOnly(), sample("error-overloaded.json"));
        assertFailure(f, ErrorCode.OPENAI_UNAVAILABLE, true, null, REQUEST_ID, null);
        assertEquals(503, f.httpStatus());
        assertEquals("server_error", f.openaiType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat-completion.json", "models.json", "chat-completion-stream.txt"})
    void successBodiesHandedToTheClassifierAreUpstreamErrors(String file) {
        OpenAiFailure f = classifier.classify(200, sampleHeaders(), sample(file));
        assertFailure(f, ErrorCode.UPSTREAM_ERROR, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals(200, f.httpStatus());
        assertNull(f.openaiType());
        assertNull(f.openaiCode());
    }

    // ---- 401 / 403 variants ----

    @Test
    void permissionRefusalWithoutScopeInTheMessageIsUnknown() {
        String body = "{\"error\":{\"message\":\"You have insufficient permissions for this operation.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
        OpenAiFailure f = classifier.classify(401, requestIdOnly(), body);
        assertFailure(f, ErrorCode.API_KEY_INVALID, false, null, REQUEST_ID, OpenAiErrorClassifier.UNKNOWN_PERMISSION);
        assertEquals("unknown", f.missingPermission());
    }

    @Test
    void severalMissingScopesAreKeptTogether() {
        String body = "{\"error\":{\"message\":\"Missing scopes: api.model.read, model.request. Check your role.\","
                + "\"type\":\"invalid_request_error\",\"code\":null}}";
        OpenAiFailure f = classifier.classify(401, requestIdOnly(), body);
        assertEquals("api.model.read, model.request", f.missingPermission());
    }

    @Test
    void scopeAtTheVeryEndOfTheMessage() {
        String body = "{\"error\":{\"message\":\"Missing scopes: api.responses.write\","
                + "\"type\":\"invalid_request_error\"}}";
        assertEquals("api.responses.write", classifier.classify(401, requestIdOnly(), body).missingPermission());
        String withFullStop = "{\"error\":{\"message\":\"Missing scopes: api.model.read.\","
                + "\"type\":\"invalid_request_error\"}}";
        assertEquals("api.model.read", classifier.classify(401, requestIdOnly(), withFullStop).missingPermission());
    }

    @Test
    void the401UnknownCodeIsAnInvalidKeyWithoutPermissionHint() {
        String body = "{\"error\":{\"message\":\"Missing scopes: x.y\",\"type\":\"invalid_request_error\","
                + "\"code\":\"mismatched_project\"}}";
        OpenAiFailure f = classifier.classify(401, requestIdOnly(), body);
        assertFailure(f, ErrorCode.API_KEY_INVALID, false, null, REQUEST_ID, null);
        assertEquals("mismatched_project", f.openaiCode());
    }

    @Test
    void the401WithAnotherTypeAndNoCodeIsAnInvalidKeyWithoutPermissionHint() {
        String body = "{\"error\":{\"message\":\"Missing scopes: x.y\",\"type\":\"authentication_error\",\"code\":null}}";
        assertFailure(classifier.classify(401, requestIdOnly(), body),
                ErrorCode.API_KEY_INVALID, false, null, REQUEST_ID, null);
    }

    @Test
    void forbiddenIsAPermissionRefusal() {
        OpenAiFailure f = classifier.classify(403, requestIdOnly(), sample("error-insufficient-permissions.json"));
        assertFailure(f, ErrorCode.API_KEY_INVALID, false, null, REQUEST_ID, "api.model.read");
        assertEquals(403, f.httpStatus());
    }

    @Test
    void forbiddenWithoutBodyHasAnUnknownPermission() {
        assertFailure(classifier.classify(403, requestIdOnly(), ""),
                ErrorCode.API_KEY_INVALID, false, null, REQUEST_ID, "unknown");
    }

    // ---- 429 variants ----

    @Test
    void insufficientQuotaRecognisedByTypeAlone() {
        String body = "{\"error\":{\"message\":\"quota\",\"type\":\"insufficient_quota\",\"code\":null}}";
        assertFailure(classifier.classify(429, sampleHeaders(), body),
                ErrorCode.INSUFFICIENT_QUOTA, false, null, SAMPLE_REQUEST_ID, null);
    }

    @Test
    void insufficientQuotaRecognisedByCodeAlone() {
        String body = "{\"error\":{\"message\":\"quota\",\"type\":\"billing\",\"code\":\"insufficient_quota\"}}";
        assertFailure(classifier.classify(429, sampleHeaders(), body),
                ErrorCode.INSUFFICIENT_QUOTA, false, null, SAMPLE_REQUEST_ID, null);
    }

    @Test
    void quotaInTheMessageTextDoesNotDecide() {
        String body = "{\"error\":{\"message\":\"You exceeded your current quota (insufficient_quota)\","
                + "\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}";
        assertEquals(ErrorCode.RATE_LIMITED, classifier.classify(429, requestIdOnly(), body).code());
    }

    @Test
    void rateLimitTakesTheLongerOfBothResets() {
        Map<String, String> headers = headers("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "6m0s");
        assertEquals(Duration.ofMinutes(6), classifier.classify(429, headers::get, sample("error-rate-limit-tokens.json")).retryAfter());
    }

    @Test
    void rateLimitUsesTheOnlyResetPresent() {
        Map<String, String> headers = headers("x-ratelimit-reset-tokens", "1h2m3.5s");
        assertEquals(Duration.ofMillis(3_723_500), classifier.classify(429, headers::get, "").retryAfter());
    }

    @Test
    void rateLimitWithUnusableResetsHasNoHint() {
        Map<String, String> headers = headers("x-ratelimit-reset-tokens", "soon", "retry-after", "-1");
        OpenAiFailure f = classifier.classify(429, headers::get, sample("error-rate-limit-requests.json"));
        assertFailure(f, ErrorCode.RATE_LIMITED, true, null, null, null);
    }

    @Test
    void rateLimitHonoursAnHttpDate() {
        Map<String, String> headers = headers("retry-after", "Wed, 15 Jan 2025 10:00:30 GMT", "x-ratelimit-reset-requests", "1s");
        assertEquals(Duration.ofSeconds(30), classifier.classify(429, headers::get, "").retryAfter());
    }

    // ---- other statuses ----

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 413, 415, 422})
    void clientErrorsAreInvalidRequests(int status) {
        OpenAiFailure f = classifier.classify(status, sampleHeaders(), sample("error-context-length.json"));
        // retry-after is present in the sample headers but a request that is wrong stays wrong
        assertFailure(f, ErrorCode.INVALID_REQUEST, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals(status, f.httpStatus());
    }

    @Test
    void requestTimeoutIsRetryableTimeout() {
        assertFailure(classifier.classify(408, headers("retry-after", "3")::get, ""),
                ErrorCode.OPENAI_TIMEOUT, true, Duration.ofSeconds(3), null, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 502, 503, 504, 520, 529, 599})
    void everyServerErrorIsUnavailable(int status) {
        assertFailure(classifier.classify(status, requestIdOnly(), sample("error-server.json")),
                ErrorCode.OPENAI_UNAVAILABLE, true, null, REQUEST_ID, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204, 301, 302, 304, 402, 405, 406, 410, 418, 451, 600, 0, -1})
    void everythingElseIsAnUpstreamError(int status) {
        OpenAiFailure f = classifier.classify(status, sampleHeaders(), sample("error-server.json"));
        assertFailure(f, ErrorCode.UPSTREAM_ERROR, false, null, SAMPLE_REQUEST_ID, null);
        assertEquals(status, f.httpStatus());
    }

    @Test
    void teapotIsAnUpstreamError() {
        assertFailure(classifier.classify(418, requestIdOnly(), "I'm a teapot"),
                ErrorCode.UPSTREAM_ERROR, false, null, REQUEST_ID, null);
    }

    @Test
    void okIsAnUpstreamError() {
        assertFailure(classifier.classify(200, requestIdOnly(), sample("chat-completion.json")),
                ErrorCode.UPSTREAM_ERROR, false, null, REQUEST_ID, null);
    }

    // ---- bodies that are not OpenAI's envelope ----

    @Test
    void emptyBody500() {
        OpenAiFailure f = classifier.classify(500, requestIdOnly(), "");
        assertFailure(f, ErrorCode.OPENAI_UNAVAILABLE, true, null, REQUEST_ID, null);
        assertNull(f.openaiType());
        assertNull(f.openaiCode());
    }

    @Test
    void htmlBody502() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                + "</center><hr><center>cloudflare</center></body></html>";
        OpenAiFailure f = classifier.classify(502, requestIdOnly(), html);
        assertFailure(f, ErrorCode.OPENAI_UNAVAILABLE, true, null, REQUEST_ID, null);
        assertEquals(502, f.httpStatus());
        assertNull(f.openaiType());
    }

    @Test
    void truncatedJson429() {
        String full = sample("error-rate-limit-requests.json");
        String truncated = full.substring(0, full.indexOf("\"code\"") + 10);
        OpenAiFailure f = classifier.classify(429, headers("retry-after", "7", "x-request-id", REQUEST_ID)::get, truncated);
        assertFailure(f, ErrorCode.RATE_LIMITED, true, Duration.ofSeconds(7), REQUEST_ID, null);
        assertNull(f.openaiCode());
    }

    @Test
    void truncatedQuotaBodyCannotBeToldApartFromARateLimit() {
        // the status is all that is left; a retry will bring back the complete answer
        String full = sample("error-insufficient-quota.json");
        assertEquals(ErrorCode.RATE_LIMITED,
                classifier.classify(429, requestIdOnly(), full.substring(0, full.length() / 2)).code());
    }

    @Test
    void emptyObject401() {
        assertFailure(classifier.classify(401, requestIdOnly(), "{}"),
                ErrorCode.API_KEY_INVALID, false, null, REQUEST_ID, null);
    }

    @Test
    void nullBody503() {
        assertFailure(classifier.classify(503, requestIdOnly(), null),
                ErrorCode.OPENAI_UNAVAILABLE, true, null, REQUEST_ID, null);
    }

    @Test
    void nullBody401HasNoPermissionHint() {
        assertFailure(classifier.classify(401, requestIdOnly(), null),
                ErrorCode.API_KEY_INVALID, false, null, REQUEST_ID, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "   ", "null", "42", "\"error\"", "[]", "[{\"error\":{\"type\":\"insufficient_quota\"}}]",
        "{\"error\":\"insufficient_quota\"}", "{\"error\":null}", "{\"error\":{\"type\":7,\"code\":[\"insufficient_quota\"]}}",
"{\"error\":{", "\u0000\u0001", "{\"a\":1e999999999}",
    })
    void oddBodiesAreClassifiedByStatusAlone(String body) {
        OpenAiFailure f = classifier.classify(429, requestIdOnly(), body);
        assertEquals(ErrorCode.RATE_LIMITED, f.code(), body);
        assertTrue(f.retryable());
        assertEquals(REQUEST_ID, f.openaiRequestId());
    }

    @Test
    void deeplyNestedJsonDoesNotThrow() {
        String body = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals(ErrorCode.OPENAI_UNAVAILABLE, classifier.classify(500, requestIdOnly(), body).code());
    }

    // ---- headers ----

    @Test
    void missingHeadersGiveNoRequestIdAndNoHint() {
        OpenAiFailure f = classifier.classify(500, name -> null, sample("error-server.json"));
        assertNull(f.openaiRequestId());
        assertNull(f.retryAfter());
    }

    @Test
    void nullHeaderLookupIsTolerated() {
        assertFailure(classifier.classify(503, null, ""), ErrorCode.OPENAI_UNAVAILABLE, true, null, null, null);
    }

    @Test
    void failingHeaderLookupIsTolerated() {
        Function<String, String> broken = name -> {
            throw new IllegalStateException("response already closed");
        };
        assertFailure(classifier.classify(429, broken, ""), ErrorCode.RATE_LIMITED, true, null, null, null);
    }

    @Test
    void requestIdIsTrimmed() {
        assertEquals(REQUEST_ID, classifier.classify(500, headers("x-request-id", "  " + REQUEST_ID + " ")::get, "").openaiRequestId());
    }

    // ---- transport failures ----

    @Test
    void connectionRefusedIsUnavailable() {
        assertTransport(new ConnectException("Connection refused"), ErrorCode.OPENAI_UNAVAILABLE);
    }

    @Test
    void connectionResetIsUnavailable() {
        assertTransport(new SocketException("Connection reset"), ErrorCode.OPENAI_UNAVAILABLE);
    }

    @Test
    void plainIoExceptionIsUnavailable() {
        assertTransport(new IOException("HTTP/1.1 header parser received no bytes"), ErrorCode.OPENAI_UNAVAILABLE);
    }

    @Test
    void timeoutInTheMessageTextDoesNotDecide() {
        assertTransport(new IOException("timed out"), ErrorCode.OPENAI_UNAVAILABLE);
    }

    @Test
    void httpTimeoutIsTimeout() {
        assertTransport(new HttpTimeoutException("request timed out"), ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void httpConnectTimeoutIsTimeout() {
        assertTransport(new HttpConnectTimeoutException("HTTP connect timed out"), ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void apacheClientConnectTimeoutIsTimeout() {
        assertTransport(new org.apache.hc.client5.http.ConnectTimeoutException("Connect to http://127.0.0.1:9 failed: connect timed out"),
                ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void socketTimeoutIsTimeout() {
        assertTransport(new SocketTimeoutException("Read timed out"), ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void concurrentTimeoutIsTimeout() {
        assertTransport(new TimeoutException(), ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void faultToleranceTimeoutIsTimeout() {
        assertTransport(new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException("@Timeout"),
                ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void processingExceptionAroundTimeoutIsTimeout() {
        assertTransport(new ProcessingException(new HttpTimeoutException("request timed out")), ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void processingExceptionAroundConnectionRefusedIsUnavailable() {
        assertTransport(new ProcessingException(new ConnectException("Connection refused")), ErrorCode.OPENAI_UNAVAILABLE);
    }

    @Test
    void bareProcessingExceptionIsUnavailable() {
        assertTransport(new ProcessingException("RESTEASY004655: Unable to invoke request"), ErrorCode.OPENAI_UNAVAILABLE);
    }

    @Test
    void timeoutDeepInTheChainIsTimeout() {
        Throwable t = new CompletionException(new ProcessingException(
                new UncheckedIOException(new SocketTimeoutException("Read timed out"))));
        assertTransport(t, ErrorCode.OPENAI_TIMEOUT);
        assertTransport(new ExecutionException(new TimeoutException()), ErrorCode.OPENAI_TIMEOUT);
    }

    @Test
    void anyOtherThrowableIsUnavailable() {
        assertTransport(new IllegalStateException("pool closed"), ErrorCode.OPENAI_UNAVAILABLE);
        assertTransport(null, ErrorCode.OPENAI_UNAVAILABLE);
    }

    @Test
    void cyclicCauseChainTerminates() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);
        assertTransport(a, ErrorCode.OPENAI_UNAVAILABLE);
    }

    // ---- helpers ----

    private void assertTransport(Throwable t, ErrorCode expected) {
        OpenAiFailure f = classifier.classifyTransport(t);
        assertAll(
                () -> assertEquals(expected, f.code()),
                () -> assertTrue(f.retryable()),
                () -> assertNull(f.retryAfter()),
                () -> assertNull(f.openaiRequestId()),
                () -> assertEquals(0, f.httpStatus()),
                () -> assertNull(f.openaiType()),
                () -> assertNull(f.openaiCode()),
                () -> assertNull(f.missingPermission()));
    }

    private static void assertFailure(OpenAiFailure f, ErrorCode code, boolean retryable, Duration retryAfter,
                                      String requestId, String missingPermission) {
        assertAll(
                () -> assertEquals(code, f.code(), "code"),
                () -> assertEquals(retryable, f.retryable(), "retryable"),
                () -> assertEquals(retryAfter, f.retryAfter(), "retryAfter"),
                () -> assertEquals(requestId, f.openaiRequestId(), "openaiRequestId"),
                () -> assertEquals(missingPermission, f.missingPermission(), "missingPermission"));
    }

    private static String sample(String name) {
        try (InputStream in = OpenAiErrorClassifierTest.class.getResourceAsStream("/openai/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /openai/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers of rate-limit-headers.txt, looked up case-insensitively as HTTP clients do. */
    private static Map<String, String> sampleHeaderMap() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : sample("rate-limit-headers.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static Function<String, String> sampleHeaders() {
        Map<String, String> headers = sampleHeaderMap();
        // guards the expectations above against a changed sample file
        assertEquals("20000", headers.get("Retry-After-Ms"));
        assertEquals(SAMPLE_REQUEST_ID, headers.get("X-Request-Id"));
        return headers::get;
    }

    private static Function<String, String> requestIdOnly() {
        return headers("X-Request-Id", REQUEST_ID)::get;
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
