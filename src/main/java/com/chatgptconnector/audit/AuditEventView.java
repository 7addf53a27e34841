package com.chatgptconnector.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An audit line as clients see it: {@code detail} is the stored text, {@code fields} the same as
 * named values ({@link AuditDetail}), so a page can say it in the reader's language.
 */
public record AuditEventView(long id, String workspaceId, String actor, String action, String detail, Map<String, String> fields,
                             Instant occurredAt) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.workspaceId(), e.actor(), e.action().name(), e.detail(), AuditDetail.parse(e.detail()),
                e.occurredAt());
    }
}
