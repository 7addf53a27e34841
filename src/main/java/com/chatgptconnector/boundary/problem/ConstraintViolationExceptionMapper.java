package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.problem.FieldError;
import com.chatgptconnector.problem.Messages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders Bean Validation failures of the boundary. The validator's own texts are not used: they
 * follow the server's locale and may quote the rejected value, so each constraint maps to one of
 * our message keys instead.
 */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> toFieldError(v, locale))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Problems.validation(locale, errors);
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation, Locale locale) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String code = switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size" -> "size";
            case "Pattern" -> "pattern";
            case "Min", "Positive", "PositiveOrZero" -> "min";
            case "Max" -> "max";
            default -> "invalid";
        };
        String message = Messages.text(locale, "validation." + code,
                attributes.getOrDefault("min", attributes.getOrDefault("value", "")),
                attributes.getOrDefault("max", attributes.getOrDefault("value", "")));
        return new FieldError(fieldName(violation.getPropertyPath()), code, message);
    }

    /** {@code create.arg0.name} → {@code name}: clients know their JSON members, not our methods. */
    private static String fieldName(Path path) {
        String last = null;
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                last = node.getName();
            }
        }
        return last == null ? "body" : last;
    }
}
