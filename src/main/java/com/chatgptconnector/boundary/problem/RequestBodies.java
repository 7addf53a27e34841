package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.json.JsonFactory;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.problem.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bean Validation of request bodies, called by the resources, and a body's text and JSON. Not
 * {@code @Valid} on the parameter: in Payara 6.2025 a constraint on a body parameter breaks the
 * generated OpenAPI document (payara/Payara#7649). The constraints stay on the request records.
 */
@ApplicationScoped
public class RequestBodies {

    @Inject
    Validator validator;

    public <T> T valid(T body) {
        if (body == null) {
            throw ValidationException.of("body", "required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    /** The configuration key of the largest body the compatible endpoint and block runs accept. */
    public static final String MAX_BODY_BYTES = "connector.request.max-body-bytes";
    static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    /**
     * The configured largest body, read once by each caller. A body is held whole (as bytes, text
     * and parsed JSON) until it is sent on, so under thousands of requests in flight one client's
     * oversized bodies would otherwise exhaust the heap every workspace shares.
     */
    public static long configuredMaxBodyBytes() {
        return ConfigProvider.getConfig().getOptionalValue(MAX_BODY_BYTES, Long.class).orElse(DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * A request body as text, read in one array of its announced length ({@code -1}: unknown).
     * Jersey's String reader grows and copies 8 KiB buffers, and a JSON reader on the stream
     * decodes through another 8 KiB buffer: a twentieth of all allocation on the hot paths.
     * A body longer than {@code maxBytes} is refused and never held: see {@link #dropRest}.
     */
    public static String text(InputStream entity, long length, long maxBytes) {
        try {
            if (length > maxBytes) {
                throw tooLarge(entity, maxBytes);
            }
            byte[] bytes = length >= 0 ? entity.readNBytes((int) length) : entity.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw tooLarge(entity, maxBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the client broke off while sending
            throw new ProblemException(ErrorCode.MALFORMED_REQUEST);
        }
    }

    private static ProblemException tooLarge(InputStream entity, long maxBytes) throws IOException {
        dropRest(entity, maxBytes);
        return new ProblemException(ErrorCode.REQUEST_TOO_LARGE, maxBytes / 1024);
    }

    /**
     * Reads and drops what follows of a refused body, up to three times the limit: most clients
     * (the JDK's, the SDKs') send the whole body before they read an answer, and a connection
     * closed under a body still being sent reaches them as a broken connection instead of the
     * refusal. Beyond that the container closes the connection.
     */
    static void dropRest(InputStream entity, long maxBytes) throws IOException {
        byte[] sink = new byte[8192];
        long left = 3 * maxBytes;
        for (int n; left > 0 && (n = entity.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
            left -= n;
        }
    }

    /**
     * A request body's JSON object; anything else is a malformed request. The parser's message
     * may quote the body (and so a key), so it is not repeated.
     */
    public static JsonObject jsonObject(String text) {
        try {
            return JsonFactory.readObject(text);
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(ErrorCode.MALFORMED_REQUEST);
        }
    }
}
