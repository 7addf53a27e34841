package com.chatgptconnector.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the client should see as a problem detail with a stable {@link ErrorCode}. Services
 * throw it; the boundary's exception mapper renders it in the caller's language. The detail
 * arguments end up in user-visible text, so never pass a secret.
 */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object[] detailArgs;
    private final transient Map<String, Object> extensions;

    public ProblemException(ErrorCode code, Object... detailArgs) {
        this(code, Map.of(), detailArgs);
    }

    public ProblemException(ErrorCode code, Map<String, Object> extensions, Object... detailArgs) {
        // the code is the message: log lines show what was refused, never user input
        super(code.code(), null, false, false);
        this.code = code;
        this.detailArgs = detailArgs == null ? new Object[0] : detailArgs.clone();
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public ErrorCode code() {
        return code;
    }

    public Object[] detailArgs() {
        return detailArgs.clone();
    }

    /** Extra members of the problem body, e.g. {@code currentStatus} or {@code errors}. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
