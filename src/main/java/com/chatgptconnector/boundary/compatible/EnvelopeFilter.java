package com.chatgptconnector.boundary.compatible;

import com.chatgptconnector.boundary.problem.Problems;
import com.chatgptconnector.json.JsonFactory;
import com.chatgptconnector.problem.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Under a workspace's {@code openai/v1}, every answer is OpenAI's: what the rest of the API
 * answers as a problem body (Jersey's own 404, 405, 406 and 415, a role refusal, a body too
 * large) becomes OpenAI's envelope with the same status and catalogue code, and every answer
 * carries an {@code x-request-id}. The resource's own answers already do; this catches the rest.
 */
@Provider
public class EnvelopeFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!underCompatibleEndpoint(request.getUriInfo().getPath(false))) {
            return;
        }
        String requestId = response.getHeaderString(RequestIds.HEADER);
        if (requestId == null) {
            requestId = RequestIds.next();
            response.getHeaders().putSingle(RequestIds.HEADER, requestId);
        }
        MediaType type = response.getMediaType();
        if (type != null && Problems.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())
                && response.getEntity() instanceof String problem) {
            var envelope = toEnvelope(problem, response.getStatus(), requestId).build();
            response.setEntity(envelope.getEntity(), null, MediaType.APPLICATION_JSON_TYPE);
            envelope.getStringHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    response.getHeaders().put(name, new java.util.ArrayList<>(values));
                }
            });
            response.getHeaders().remove("WWW-Authenticate");
        }
    }

    /** {@code workspaces/{ws}/openai/v1/...}, as Jersey reports a path (no leading slash). */
    static boolean underCompatibleEndpoint(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (!p.startsWith("workspaces/")) {
            return false;
        }
        int slash = p.indexOf('/', "workspaces/".length());
        return slash > 0 && p.startsWith("openai/v1", slash + 1)
                && (p.length() == slash + 10 || p.charAt(slash + 10) == '/');
    }

    /** A problem body's code and detail in OpenAI's envelope. */
    public static jakarta.ws.rs.core.Response.ResponseBuilder toEnvelope(String problem, int status, String requestId) {
        String code = null;
        String message = "The request was refused.";
        boolean retryable = false;
        try {
            JsonObject body = JsonFactory.readObject(problem);
            code = body.getString("code", null);
            message = body.getString("detail", message);
            retryable = body.getBoolean("retryable", false);
        } catch (RuntimeException notAProblem) {
            // the status alone then
        }
        String type = "invalid_request_error";
        try {
            type = code == null ? type : OpenAiEnvelope.typeOf(ErrorCode.valueOf(code.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException notInTheCatalogue) {
            // a request error then
        }
        var answer = OpenAiEnvelope.builder(status, message, type, null, code, requestId);
        if (!retryable) {
            answer.header("x-should-retry", "false");
        }
        return answer;
    }
}
