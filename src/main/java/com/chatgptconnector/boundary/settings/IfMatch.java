package com.chatgptconnector.boundary.settings;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.problem.ValidationException;

/**
 * The settings version a client based its change on, from {@code If-Match}. Accepts the ETag as
 * sent ({@code "3"}, {@code W/"3"}) or the bare number from the JSON {@code version} field.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Null if the header is absent and not required. */
    public static Long parse(String header, boolean required) {
        if (header == null || header.isBlank()) {
            if (required) {
                throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED);
            }
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ValidationException.of("If-Match", "if_match");
        }
    }
}
