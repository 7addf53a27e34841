package com.chatgptconnector.problem;

/**
 * Every stable error code a client can see. The first block is the design's OpenAI error
 * catalogue; the rest are the service's own refusals. The code names are part of the API
 * contract: rename none of them.
 */
public enum ErrorCode {
    // --- the OpenAI error catalogue (docs/api.md) ---
    CHATGPT_NOT_ACTIVATED(403, false),
    API_KEY_MISSING(409, false),
    API_KEY_INVALID(424, false),
    INSUFFICIENT_QUOTA(402, false),
    RATE_LIMITED(429, true),
    TOKEN_LIMIT_REACHED(429, false),
    OPENAI_UNAVAILABLE(503, true),
    OPENAI_TIMEOUT(504, true),
    INVALID_REQUEST(422, false),
    UPSTREAM_ERROR(502, false),
    /** A stream that broke off part-way (OpenAI cut it, or the service ended); usage records name it. */
    STREAM_INTERRUPTED(502, true),

    // --- the service's own refusals ---
    UNAUTHORIZED(401, false),
    FORBIDDEN(403, false),
    CSRF_FAILED(403, false),
    NOT_FOUND(404, false),
    WORKSPACE_NOT_FOUND(404, false),
    USER_NOT_FOUND(404, false),
    METHOD_NOT_ALLOWED(405, false),
    NOT_ACCEPTABLE(406, false),
    UNSUPPORTED_MEDIA_TYPE(415, false),
    REQUEST_TOO_LARGE(413, false),
    SERVICE_BUSY(503, true),
    MALFORMED_REQUEST(400, false),
    VALIDATION_FAILED(400, false),
    INVALID_STATE_TRANSITION(409, false),
    VERSION_CONFLICT(409, false),
    PRECONDITION_REQUIRED(428, false),
    ALREADY_EXISTS(409, false),
    LAST_ADMIN(409, false),
    API_KEY_UNREADABLE(409, false),
    INTERNAL_ERROR(500, false),
    /** A path under a workspace's {@code openai/v1} that the service does not offer. */
    UNSUPPORTED_ENDPOINT(404, false),
    /** A model the workspace's policy does not allow, on the OpenAI-compatible endpoint. */
    MODEL_NOT_ALLOWED(403, false),
    /**
     * Only an outcome of usage records, never an answer: the client went away before the answer
     * was complete (499 as proxies log it).
     */
    CLIENT_CLOSED(499, false),
    /** Too many failed sign-ins for this account or from this address: wait the Retry-After (issue 29). */
    TOO_MANY_ATTEMPTS(429, true),
    /** The database cannot be reached: nothing was decided, the caller may try again shortly. */
    DATABASE_UNAVAILABLE(503, true);

    private final int status;
    private final boolean retryable;

    ErrorCode(int status, boolean retryable) {
        this.status = status;
        this.retryable = retryable;
    }

    /** The code as clients see it, e.g. {@code insufficient_quota}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
