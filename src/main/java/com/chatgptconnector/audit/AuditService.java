package com.chatgptconnector.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records and lists audit events. Recording joins the caller's transaction, so an audit line
 * exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditService {

    static final int MAX_PAGE = 500;

    @Inject
    AuditRepository repository;

    @Inject
    Instance<ActorOrigins> origins;

    /** The event; an actor who signed in through a provider is named with the provider and subject in the detail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String workspaceId, String actor, AuditAction action, String detail) {
        String origin = origins.isResolvable() ? origins.get().of(actor).orElse(null) : null;
        String full = origin == null || (detail != null && detail.contains(origin)) ? detail
                : detail == null || detail.isEmpty() ? origin : detail + ", " + origin;
        repository.add(new AuditEvent(workspaceId, actor, action, full, Instant.now(Clock.systemUTC())));
    }

    /** Newest first, optionally only one action, at most {@code limit} events (1 to 500). */
    public List<AuditEvent> list(String workspaceId, AuditAction action, int limit) {
        return repository.newestFirst(workspaceId, action, Math.max(1, Math.min(limit, MAX_PAGE)));
    }
}
