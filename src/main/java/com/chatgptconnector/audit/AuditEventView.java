package com.chatgptconnector.audit;

import java.time.Instant;

public record AuditEventView(long id, String workspaceId, String actor, String action, String detail, Instant occurredAt) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.workspaceId(), e.actor(), e.action().name(), e.detail(), e.occurredAt());
    }
}
