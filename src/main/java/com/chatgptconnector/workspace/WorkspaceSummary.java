package com.chatgptconnector.workspace;

import java.time.Instant;

/** A workspace as the list shows it: the caller's role in it and its ChatGPT status. */
public record WorkspaceSummary(String id, String name, String role, String chatgptStatus, Instant createdAt) {
}
