package com.chatgptconnector.boundary.problem;

import static com.chatgptconnector.json.JsonFactory.JSON;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.FieldError;
import com.chatgptconnector.problem.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders RFC 9457 problem details. One place builds every error body, so all of them carry the
 * same members: {@code type}, {@code title}, {@code status}, {@code detail}, {@code code},
 * {@code retryable}, {@code advice} where the catalogue has one, and any extensions.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:chatgpt-connector:problem:";

    private Problems() {
    }

    public static Response response(ErrorCode code, Locale locale, Map<String, Object> extensions, Object... detailArgs) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", TYPE_PREFIX + code.code())
                .add("title", Messages.text(locale, code.code() + ".title"))
                .add("status", code.status())
                .add("detail", detail(code, locale, extensions, detailArgs))
                .add("code", code.code())
                .add("retryable", code.retryable());
        String advice = Messages.optionalText(locale, code.code() + ".advice");
        if (advice != null) {
            body.add("advice", advice);
        }
        extensions.forEach((name, value) -> add(body, name, value));
        Response.ResponseBuilder builder = Response.status(code.status()).type(MEDIA_TYPE).entity(body.build().toString());
        if (code == ErrorCode.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Basic realm=\"chatgpt-connector\", charset=\"UTF-8\"");
        }
        Object retryAfter = extensions.get("retryAfterSeconds");
        if (retryAfter instanceof Number seconds) {
            builder.header("Retry-After", seconds.longValue());
        }
        return builder.build();
    }

    /**
     * The most precise text there is: OpenAI's own error code or a missing permission picks a
     * variant ({@code api_key_invalid.detail.mismatched_organization}), a known wait another
     * ({@code rate_limited.detail.retry_after}); otherwise the code's general text.
     */
    public static String detail(ErrorCode code, Locale locale, Map<String, Object> extensions, Object... detailArgs) {
        String base = code.code() + ".detail";
        Object permission = extensions.get("missingPermission");
        if (permission != null) {
            String text = Messages.optionalText(locale, base + ".missing_permission", permission);
            if (text != null) {
                return text;
            }
        }
        Object reason = extensions.get("reason");
        if (reason != null) {
            String text = Messages.optionalText(locale, base + "." + reason, extensions.get("model"));
            if (text != null) {
                return text;
            }
        }
        Object openaiCode = extensions.get("openaiCode");
        if (openaiCode != null) {
            String text = Messages.optionalText(locale, base + "." + openaiCode);
            if (text != null) {
                return text;
            }
        }
        Object retryAfter = extensions.get("retryAfterSeconds");
        if (retryAfter != null) {
            String text = Messages.optionalText(locale, base + ".retry_after", retryAfter);
            if (text != null) {
                return text;
            }
        }
        return Messages.text(locale, base, detailArgs);
    }

    public static Response validation(Locale locale, List<FieldError> errors) {
        return validation(ErrorCode.VALIDATION_FAILED, locale, errors);
    }

    public static Response validation(ErrorCode code, Locale locale, List<FieldError> errors) {
        return response(code, locale, Map.of("errors", errors), errors.size());
    }

    private static void add(JsonObjectBuilder body, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Boolean b) {
            body.add(name, b);
        } else if (value instanceof Integer || value instanceof Long) {
            body.add(name, ((Number) value).longValue());
        } else if (value instanceof Number n) {
            body.add(name, n.doubleValue());
        } else if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            for (Object item : items) {
                if (item instanceof FieldError error) {
                    array.add(JSON.createObjectBuilder()
                            .add("field", error.field())
                            .add("code", error.code())
                            .add("message", error.message()));
                } else {
                    array.add(String.valueOf(item));
                }
            }
            body.add(name, array);
        } else {
            body.add(name, String.valueOf(value));
        }
    }
}
