package com.chatgptconnector.usage;

/**
 * What to record about one request. {@code outcome} is {@code ok} or a catalogue error code;
 * {@code actor} is a username or {@code token:<name>}; {@code endpoint} the OpenAI endpoint
 * ({@link Endpoint#label()}); {@code requestId} the {@code x-request-id} the caller was given
 * (OpenAI's where there was one, else the service's own).
 */
public record UsageEntry(String workspaceId, String blockId, String actor, String model, long promptTokens,
                         long completionTokens, String outcome, long latencyMillis, String openaiRequestId,
                         String endpoint, String requestId) {
}
