package com.chatgptconnector.problem;

import com.chatgptconnector.JsonFactory;
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

    /**
     * A request body as text, read in one array of its announced length ({@code -1}: unknown).
     * Jersey's String reader grows and copies 8 KiB buffers, and a JSON reader on the stream
     * decodes through another 8 KiB buffer: a twentieth of all allocation on the hot paths.
     */
    public static String text(InputStream entity, long length) {
        try {
            byte[] bytes = length >= 0 && length <= Integer.MAX_VALUE - 8 ? entity.readNBytes((int) length) : entity.readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the client broke off while sending
            throw new ProblemException(ErrorCode.MALFORMED_REQUEST);
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
