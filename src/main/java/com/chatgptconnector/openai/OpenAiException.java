package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classified failure toward OpenAI, rendered as a problem detail with the catalogue's code,
 * {@code retryAfterSeconds}, OpenAI's request id and, where OpenAI said it, its own error code
 * (which picks a more precise text, e.g. "the organization does not match the key").
 */
public class OpenAiException extends ProblemException {

    private final transient OpenAiFailure failure;

    public OpenAiException(OpenAiFailure failure) {
        super(failure.code(), extensions(failure));
        this.failure = failure;
    }

    public OpenAiFailure failure() {
        return failure;
    }

    private static Map<String, Object> extensions(OpenAiFailure failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (failure.retryAfter() != null) {
            // whole seconds, rounded up: waiting a little longer never hurts, shorter may
            long millis = failure.retryAfter().toMillis();
            extensions.put("retryAfterSeconds", Math.max(1, (millis + 999) / 1000));
        }
        if (failure.openaiRequestId() != null) {
            extensions.put("openaiRequestId", failure.openaiRequestId());
        }
        if (failure.openaiCode() != null) {
            extensions.put("openaiCode", failure.openaiCode());
        }
        if (failure.missingPermission() != null) {
            extensions.put("missingPermission", failure.missingPermission());
        }
        return extensions;
    }
}
