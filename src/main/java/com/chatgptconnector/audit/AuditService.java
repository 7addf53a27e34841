package com.chatgptconnector.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String workspaceId, String actor, AuditAction action, String detail) {
        em.persist(new AuditEvent(workspaceId, actor, action, detail, Instant.now(Clock.systemUTC())));
    }

    /** Newest first, optionally only one action, at most {@code limit} events. */
    public List<AuditEvent> list(String workspaceId, AuditAction action, int limit) {
        String jpql = "select e from AuditEvent e where e.workspaceId = :ws"
                + (action == null ? "" : " and e.action = :action")
                + " order by e.occurredAt desc, e.id desc";
        var query = em.createQuery(jpql, AuditEvent.class).setParameter("ws", workspaceId);
        if (action != null) {
            query.setParameter("action", action);
        }
        return query.setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE))).getResultList();
    }
}
