package com.chatgptconnector.openai;

import java.time.Duration;

/**
 * A successful answer from OpenAI: the body as sent, OpenAI's request id, and how long the whole
 * call took, retries included.
 */
public record OpenAiCall(int status, String body, String openaiRequestId, Duration latency) {
}
