package com.chatgptconnector.workspace;

import java.time.Instant;

public record MemberView(String username, String role, Instant addedAt) {
}
