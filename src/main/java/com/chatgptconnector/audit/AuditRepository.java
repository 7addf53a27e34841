package com.chatgptconnector.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The audit_event rows. */
@ApplicationScoped
public class AuditRepository {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    public void add(AuditEvent event) {
        em.persist(event);
    }

    /** Newest first, optionally only one action, at most {@code limit} events. */
    public List<AuditEvent> newestFirst(String workspaceId, AuditAction action, int limit) {
        String jpql = "select e from AuditEvent e where e.workspaceId = :ws"
                + (action == null ? "" : " and e.action = :action")
                + " order by e.occurredAt desc, e.id desc";
        var query = em.createQuery(jpql, AuditEvent.class).setParameter("ws", workspaceId);
        if (action != null) {
            query.setParameter("action", action);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
