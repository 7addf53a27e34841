package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import java.time.Duration;
import java.util.Objects;

/**
 * One failed call toward OpenAI, reduced to what the catalogue, the retry policy and support need.
 *
 * @param code              the catalogue code the caller will see
 * @param retryable         whether another attempt can succeed without anyone changing anything
 * @param retryAfter        how long OpenAI asked us to wait, {@code null} if it did not say
 * @param openaiRequestId   OpenAI's {@code x-request-id}, {@code null} if absent; support needs it
 *                          to trace the failure on OpenAI's side
 * @param httpStatus        OpenAI's status, {@code 0} when no response arrived at all
 * @param openaiType        {@code error.type} of the envelope, {@code null} if absent
 * @param openaiCode        {@code error.code} of the envelope, {@code null} if absent
 * @param missingPermission for a restricted key refused an operation: the scope OpenAI named, or
 *                          {@code "unknown"}; {@code null} for every other failure
 */
public record OpenAiFailure(
        ErrorCode code,
        boolean retryable,
        Duration retryAfter,
        String openaiRequestId,
        int httpStatus,
        String openaiType,
        String openaiCode,
        String missingPermission) {

    public OpenAiFailure {
        Objects.requireNonNull(code, "code");
    }
}
