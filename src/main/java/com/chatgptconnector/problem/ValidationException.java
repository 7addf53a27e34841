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
    private final ErrorCode code;

    public ValidationException(List<Violation> violations) {
        this(violations, ErrorCode.VALIDATION_FAILED);
    }

    private ValidationException(List<Violation> violations, ErrorCode code) {
        super(code.code(), null, false, false);
        this.violations = List.copyOf(violations);
        this.code = code;
    }

    /**
     * The same violations under another code: a block run's missing variable is the run's input
     * being wrong ({@code invalid_request}, 422), not a malformed request.
     */
    public ValidationException as(ErrorCode other) {
        return new ValidationException(violations, other);
    }

    public ErrorCode code() {
        return code;
    }

    public static ValidationException of(String field, String code, Object... args) {
        return new ValidationException(List.of(new Violation(field, code, args)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
