package com.chatgptconnector.boundary.compatible;

import static com.chatgptconnector.json.JsonFactory.JSON;

import com.chatgptconnector.boundary.problem.Problems;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.openai.OpenAiFailure;
import com.chatgptconnector.openai.OpenAiHeaders;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Errors of the OpenAI-compatible endpoint in OpenAI's own shape,
 * {@code {"error":{"message","type","param","code"}}}, so the official SDKs raise the same
 * exception classes as against OpenAI, with OpenAI's headers. An error OpenAI sent keeps its
 * status, message, type, param and code (the message replaced only where it quotes a key), and
 * its {@code x-request-id}, rate-limit and retry headers; an error of the service's own carries a
 * catalogue code, the service's request id, and {@code x-should-retry: false} where retrying
 * cannot help (the SDKs read it before deciding on a retry;
 * docs/adr/0023-one-retry-budget-for-sdk-callers.md).
 */
public final class OpenAiEnvelope {

    private OpenAiEnvelope() {
    }

    /**
     * An envelope answer before it becomes a JAX-RS response: status, the four fields, and the
     * headers in the order they are sent. Pure, so the mapping is unit-tested without a runtime.
     */
    public record Answer(int status, String message, String type, String param, String code, Map<String, String> headers) {

        public String body() {
            JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", type);
            if (param == null) {
                error.addNull("param");
            } else {
                error.add("param", param);
            }
            if (code == null) {
                error.addNull("code");
            } else {
                error.add("code", code);
            }
            return JSON.createObjectBuilder().add("error", error).build().toString();
        }

        public Response toResponse() {
            Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body());
            headers.forEach(answer::header);
            return answer.build();
        }
    }

    /** A refusal or failure as the SDK caller sees it; {@code requestId} is the service's own. */
    public static Response of(ProblemException e, String requestId) {
        return answer(e, requestId).toResponse();
    }

    /** An error of the service's own, not thrown: a missing model, an unknown endpoint. */
    public static Response of(ErrorCode code, String requestId, Map<String, Object> extensions, Object... detailArgs) {
        return of(new ProblemException(code, extensions, detailArgs), requestId);
    }

    public static Answer answer(ProblemException e, String requestId) {
        if (e instanceof OpenAiException openai && openai.failure().httpStatus() > 0) {
            return fromOpenAi(openai, requestId);
        }
        ErrorCode code = e.code();
        String message = Problems.detail(code, Locale.ENGLISH, e.extensions(), e.detailArgs());
        Object param = e.extensions().get("param");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RequestIds.HEADER, requestId);
        Object seconds = e.extensions().get("retryAfterSeconds");
        if (e instanceof OpenAiException openai && openai.failure().circuitOpen()) {
            // OpenAI was not called: the circuit opens for a while, and an SDK retrying at once or
            // after the breaker's wait (30 s) only delays the error its caller must handle anyway
            headers.put("x-should-retry", "false");
        } else if (!code.retryable()) {
            headers.put("x-should-retry", "false");
        } else if (seconds != null) {
            headers.put("retry-after", String.valueOf(seconds));
        }
        return new Answer(code.status(), message, typeOf(code), param == null ? null : param.toString(), code.code(), headers);
    }

    private static Answer fromOpenAi(OpenAiException e, String requestId) {
        OpenAiFailure f = e.failure();
        String message = f.safeMessage();
        if (message == null) {
            message = Problems.detail(f.code(), Locale.ENGLISH, e.extensions(), e.detailArgs());
        }
        String type = f.openaiType() != null ? f.openaiType() : f.httpStatus() >= 500 ? "server_error" : "invalid_request_error";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RequestIds.HEADER, f.openaiRequestId() != null ? f.openaiRequestId() : requestId);
        OpenAiHeaders passed = f.headers();
        passed.forEach((name, value) -> headers.putIfAbsent(name, value));
        if (passed.get("x-should-retry") == null && !f.retryable()) {
            // quota, a rejected key, a bad request: retrying the same call cannot succeed
            headers.put("x-should-retry", "false");
        }
        return new Answer(f.httpStatus(), message, type, f.openaiParam(), f.openaiCode(), headers);
    }

    /** A bare envelope answer (the authentication module's 401, the conversion of a problem body). */
    public static Response.ResponseBuilder builder(int status, String message, String type, String param, String code,
                                                   String requestId) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Answer(status, message, type, param, code, Map.of()).body())
                .header(RequestIds.HEADER, requestId);
    }

    /** The {@code error.type} OpenAI uses for a failure of this kind. */
    public static String typeOf(ErrorCode code) {
        return switch (code) {
            case UNAUTHORIZED -> "authentication_error";
            case FORBIDDEN, CHATGPT_NOT_ACTIVATED, WORKSPACE_NOT_FOUND, MODEL_NOT_ALLOWED -> "permission_error";
            case TOKEN_LIMIT_REACHED, RATE_LIMITED, TOO_MANY_ATTEMPTS -> "rate_limit_error";
            case OPENAI_UNAVAILABLE, OPENAI_TIMEOUT, INTERNAL_ERROR, SERVICE_BUSY, STREAM_INTERRUPTED, UPSTREAM_ERROR,
                 DATABASE_UNAVAILABLE -> "server_error";
            default -> "invalid_request_error";
        };
    }
}
