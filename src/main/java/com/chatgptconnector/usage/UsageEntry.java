package com.chatgptconnector.usage;

/**
 * What to record about one request. {@code outcome} is {@code ok} or a catalogue error code;
 * {@code actor} is a username or {@code token:<name>}.
 */
public record UsageEntry(String workspaceId, String blockId, String actor, String model, long promptTokens,
                         long completionTokens, String outcome, long latencyMillis, String openaiRequestId) {
}
