package com.chatgptconnector.openai;

import java.time.Duration;

/**
 * A successful answer from OpenAI: the body as sent, OpenAI's request id, how many attempts it
 * took and how long the whole call took.
 */
public record OpenAiCall(int status, String body, String openaiRequestId, int attempts, Duration latency) {
}
