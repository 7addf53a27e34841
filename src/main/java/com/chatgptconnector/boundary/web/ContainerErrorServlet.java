package com.chatgptconnector.boundary.web;

import com.chatgptconnector.boundary.compatible.OpenAiEnvelope;
import com.chatgptconnector.boundary.compatible.RequestIds;
import com.chatgptconnector.boundary.problem.Problems;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of web.xml: an error the container raises itself (a static file that does not
 * exist, a method the file servlet does not take, an exception that escaped every mapper) is
 * answered like every other error, as problem+json in the caller's language, or in OpenAI's
 * envelope under {@code openai/v1}. Requests the container refuses before the application sees
 * them (a {@code %00} in the path on Payara) keep the container's own answer.
 */
@WebServlet(name = "ContainerErrorServlet", urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/container-error";
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer s ? s : 404;
        Object uriAttribute = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = uriAttribute == null ? request.getRequestURI() : uriAttribute.toString();
        ErrorCode code = codeOf(status);
        Map<String, Object> extensions = Map.of();
        Object[] args = {};
        if (code == ErrorCode.INTERNAL_ERROR) {
            String incident = UUID.randomUUID().toString();
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            LOG.log(Level.SEVERE, "Container error {0} on {1}, incident {2}: {3}", new Object[]{status, request.getMethod(), incident,
                    failure == null ? "no exception" : failure.getClass().getName()});
            extensions = Map.of("incident", incident);
            args = new Object[]{incident};
        }
        Response problem = uri.contains("/openai/v1/")
                ? OpenAiEnvelope.of(code, RequestIds.next(), extensions, args)
                : Problems.response(code, Messages.pick(Collections.list(request.getLocales())), extensions, args);
        response.resetBuffer();
        // the container's status stands (a 408 or 414 has no code of its own and is told as malformed_request)
        response.setStatus(status);
        problem.getStringHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> response.setHeader(name, value));
            }
        });
        response.setContentType(problem.getMediaType().toString());
        response.setCharacterEncoding("UTF-8");
        if (!"HEAD".equals(request.getMethod())) {
            response.getWriter().write((String) problem.getEntity());
        }
    }

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_BUSY;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }
}
