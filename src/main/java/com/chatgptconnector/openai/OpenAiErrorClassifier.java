package com.chatgptconnector.openai;

import com.chatgptconnector.json.JsonFactory;
import com.chatgptconnector.problem.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Maps every failed call toward OpenAI onto the error catalogue of docs/api.md.
 *
 * <p>Decisions rest on the HTTP status and the envelope's {@code error.type} / {@code error.code}
 * only: OpenAI documents those as stable, while its messages change wording over time. Whatever
 * OpenAI (or a proxy in between) sends, classification never throws; a body that cannot be read
 * is classified by its status alone.
 */
public class OpenAiErrorClassifier {

    /** The value of {@link OpenAiFailure#missingPermission()} when OpenAI did not name the scope. */
    public static final String UNKNOWN_PERMISSION = "unknown";

    private static final String MISSING_SCOPES = "Missing scopes:";

    /**
     * MicroProfile Fault Tolerance's {@code @Timeout} exception, matched by name so this class
     * stays plain Java and works without the Fault Tolerance API on the class path.
     */
    private static final String FAULT_TOLERANCE_TIMEOUT =
            "org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException";

    private final Clock clock;

    public OpenAiErrorClassifier() {
        this(Clock.systemUTC());
    }

    /** @param clock measures {@code retry-after} HTTP dates */
    public OpenAiErrorClassifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param status HTTP status OpenAI answered with
     * @param header case-insensitive single header lookup, returning {@code null} when absent
     * @param body   the response body as received, possibly {@code null}, empty or not JSON
     */
    public OpenAiFailure classify(int status, Function<String, String> header, String body) {
        Function<String, String> headers = safeHeaders(header);
        String requestId = headers.apply("x-request-id");
        Envelope error = readEnvelope(body);

        return switch (status) {
            case 401 -> error.isPermissionRefusal()
                    ? permissionRefusal(status, requestId, error)
                    : failure(ErrorCode.API_KEY_INVALID, null, requestId, status, error, null);
            case 403 -> permissionRefusal(status, requestId, error);
            case 429 -> error.is("insufficient_quota")
                    ? failure(ErrorCode.INSUFFICIENT_QUOTA, null, requestId, status, error, null)
                    : failure(ErrorCode.RATE_LIMITED, rateLimitWait(headers), requestId, status, error, null);
            case 400, 404, 409, 413, 415, 422 ->
                    failure(ErrorCode.INVALID_REQUEST, null, requestId, status, error, null);
            case 408 -> failure(ErrorCode.OPENAI_TIMEOUT, serverWait(headers), requestId, status, error, null);
            default -> status >= 500 && status <= 599
                    ? failure(ErrorCode.OPENAI_UNAVAILABLE, serverWait(headers), requestId, status, error, null)
                    : failure(ErrorCode.UPSTREAM_ERROR, null, requestId, status, error, null);
        };
    }

    /**
     * Classifies a call that produced no HTTP response. Every such failure is retryable: nothing
     * reached OpenAI, or its answer was lost, and the next attempt may go through.
     */
    public OpenAiFailure classifyTransport(Throwable t) {
        ErrorCode code = isTimeout(t) ? ErrorCode.OPENAI_TIMEOUT : ErrorCode.OPENAI_UNAVAILABLE;
        return new OpenAiFailure(code, true, null, null, 0, null, null, null);
    }

    private static OpenAiFailure permissionRefusal(int status, String requestId, Envelope error) {
        String scope = error.missingScope();
        return failure(ErrorCode.API_KEY_INVALID, null, requestId, status, error,
                scope != null ? scope : UNKNOWN_PERMISSION);
    }

    private static OpenAiFailure failure(ErrorCode code, Duration retryAfter, String requestId, int status,
                                         Envelope error, String missingPermission) {
        // the catalogue decides retryability, so the gateway and the problem body never disagree
        return new OpenAiFailure(code, code.retryable(), retryAfter, requestId, status,
                error.type(), error.code(), missingPermission, error.message(), error.param(), OpenAiHeaders.NONE, false);
    }

    private Duration serverWait(Function<String, String> headers) {
        return RetryAfter.parse(headers, clock).orElse(null);
    }

    /**
     * {@code retry-after*} first, as it is OpenAI's explicit instruction; the rate-limit resets
     * only say when a window frees up, and the request waits for whichever window is exhausted,
     * hence the longer of the two.
     */
    private Duration rateLimitWait(Function<String, String> headers) {
        Optional<Duration> explicit = RetryAfter.parse(headers, clock);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        Optional<Duration> requests = RetryAfter.parseGoDuration(headers.apply("x-ratelimit-reset-requests"));
        Optional<Duration> tokens = RetryAfter.parseGoDuration(headers.apply("x-ratelimit-reset-tokens"));
        if (requests.isPresent() && tokens.isPresent()) {
            return requests.get().compareTo(tokens.get()) >= 0 ? requests.get() : tokens.get();
        }
        return requests.or(() -> tokens).orElse(null);
    }

    private static boolean isTimeout(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = t; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException
                    || cause instanceof ConnectTimeoutException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException
                    || isNamed(cause.getClass(), FAULT_TOLERANCE_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamed(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Header lookups come from a client library; a failing one must not turn into an exception here. */
    private static Function<String, String> safeHeaders(Function<String, String> header) {
        return name -> {
            if (header == null) {
                return null;
            }
            String value;
            try {
                value = header.apply(name);
            } catch (RuntimeException e) {
                return null;
            }
            if (value == null || value.isBlank()) {
                return null;
            }
            return value.trim();
        };
    }

    private Envelope readEnvelope(String body) {
        if (body == null || body.isBlank()) {
            return Envelope.NONE;
        }
        JsonValue root;
        try {
            root = JsonFactory.readValue(body);
        } catch (RuntimeException e) {
            // JsonException for an HTML page from a proxy or a body cut off mid-stream, and
            // whatever else a provider throws on hostile input: the status still classifies
            return Envelope.NONE;
        }
        if (!(root instanceof JsonObject object) || !(object.get("error") instanceof JsonObject error)) {
            return Envelope.NONE;
        }
        return new Envelope(true, string(error, "type"), string(error, "code"), string(error, "message"), string(error, "param"));
    }

    /** Non-strings (numbers, {@code null}) count as absent: OpenAI sends {@code "code": null} routinely. */
    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** The parts of OpenAI's {@code {"error": {...}}} envelope the classification uses. */
    private record Envelope(boolean present, String type, String code, String message, String param) {

        static final Envelope NONE = new Envelope(false, null, null, null, null);

        boolean is(String value) {
            return value.equals(code) || value.equals(type);
        }

        /**
         * OpenAI answers a restricted key that lacks a scope with 401, no code and the generic
         * request-error type; a wrong or revoked key always carries a code.
         */
        boolean isPermissionRefusal() {
            return present && code == null && "invalid_request_error".equals(type);
        }

        /**
         * The scope OpenAI names after "Missing scopes:", for display only, so the user knows
         * which permission to grant the key; it is never used for a decision.
         */
        String missingScope() {
            if (message == null) {
                return null;
            }
            int marker = message.indexOf(MISSING_SCOPES);
            if (marker < 0) {
                return null;
            }
            String rest = message.substring(marker + MISSING_SCOPES.length()).stripLeading();
            // scope names contain dots themselves, so only a dot ending the sentence ends the list
            int end = rest.length();
            for (int i = 0; i < rest.length(); i++) {
                if (rest.charAt(i) == '.' && (i + 1 == rest.length() || Character.isWhitespace(rest.charAt(i + 1)))) {
                    end = i;
                    break;
                }
            }
            String scope = rest.substring(0, end).strip();
            return scope.isEmpty() ? null : scope;
        }
    }
}
