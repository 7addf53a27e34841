package com.chatgptconnector.openai;

import java.time.Duration;

/**
 * A successful answer from OpenAI: the body as sent, OpenAI's request id, how long the whole
 * call took (retries included), and the headers a client may see.
 */
public record OpenAiCall(int status, String body, String openaiRequestId, Duration latency, OpenAiHeaders headers) {

    public OpenAiCall(int status, String body, String openaiRequestId, Duration latency) {
        this(status, body, openaiRequestId, latency, OpenAiHeaders.NONE);
    }
}
