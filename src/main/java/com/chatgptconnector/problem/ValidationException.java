package com.chatgptconnector.problem;

import java.util.List;

/**
 * Input that failed the service's own checks. Carries message keys, not text, so the mapper can
 * render them in the caller's language.
 */
public class ValidationException extends RuntimeException {

    /** A rejected field with the message key {@code validation.<code>} and its arguments. */
    public record Violation(String field, String code, Object... args) {
    }

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super("validation_failed", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String code, Object... args) {
        return new ValidationException(List.of(new Violation(field, code, args)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
