package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import java.time.Duration;
import java.util.Objects;

/**
 * One failed call toward OpenAI, reduced to what the catalogue, the retry policy and support need,
 * and what an SDK caller must see of OpenAI's own answer.
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
 * @param openaiMessage     {@code error.message} as OpenAI sent it, {@code null} if absent; may
 *                          quote the key's tail, see {@link #safeMessage()}
 * @param openaiParam       {@code error.param}, {@code null} if absent
 * @param headers           the headers of OpenAI's answer a client may see
 * @param circuitOpen       OpenAI was not called: the workspace's circuit is open
 */
public record OpenAiFailure(
        ErrorCode code,
        boolean retryable,
        Duration retryAfter,
        String openaiRequestId,
        int httpStatus,
        String openaiType,
        String openaiCode,
        String missingPermission,
        String openaiMessage,
        String openaiParam,
        OpenAiHeaders headers,
        boolean circuitOpen) {

    public OpenAiFailure {
        Objects.requireNonNull(code, "code");
        headers = headers == null ? OpenAiHeaders.NONE : headers;
    }

    public OpenAiFailure(ErrorCode code, boolean retryable, Duration retryAfter, String openaiRequestId, int httpStatus,
                         String openaiType, String openaiCode, String missingPermission) {
        this(code, retryable, retryAfter, openaiRequestId, httpStatus, openaiType, openaiCode, missingPermission,
                null, null, OpenAiHeaders.NONE, false);
    }

    /** The workspace's circuit is open for {@code remaining}: nothing was sent. */
    public static OpenAiFailure circuitOpen(Duration remaining) {
        return new OpenAiFailure(ErrorCode.OPENAI_UNAVAILABLE, true, remaining, null, 0, null, null, null,
                null, null, OpenAiHeaders.NONE, true);
    }

    OpenAiFailure withHeaders(OpenAiHeaders answered) {
        return new OpenAiFailure(code, retryable, retryAfter, openaiRequestId, httpStatus, openaiType, openaiCode,
                missingPermission, openaiMessage, openaiParam, answered, circuitOpen);
    }

    /**
     * OpenAI's message, unless it quotes a key: its {@code invalid_api_key} message names the key's
     * masked form with its last characters ({@code sk-proj-****wxyz}), which no caller of a
     * workspace token may learn. {@code null} where there is none to pass on.
     */
    public String safeMessage() {
        return openaiMessage == null || KeyFragments.present(openaiMessage) ? null : openaiMessage;
    }
}
