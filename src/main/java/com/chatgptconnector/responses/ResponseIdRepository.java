package com.chatgptconnector.responses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;

/** The openai_response rows (V5), by plain SQL: one row a response id, with its workspace. */
@ApplicationScoped
public class ResponseIdRepository {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    /** Committed before the answer naming the id goes out: the caller may use it the next moment. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String workspaceId, String responseId) {
        em.createNativeQuery("insert into openai_response (response_id, workspace_id, created_at) values (?1, ?2, ?3)")
                .setParameter(1, responseId).setParameter(2, workspaceId)
                .setParameter(3, java.time.OffsetDateTime.now(Clock.systemUTC()).withOffsetSameInstant(ZoneOffset.UTC))
                .executeUpdate();
    }

    public boolean owned(String workspaceId, String responseId) {
        return !em.createNativeQuery("select 1 from openai_response where response_id = ?1 and workspace_id = ?2")
                .setParameter(1, responseId).setParameter(2, workspaceId).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delete(String workspaceId, String responseId) {
        em.createNativeQuery("delete from openai_response where response_id = ?1 and workspace_id = ?2")
                .setParameter(1, responseId).setParameter(2, workspaceId).executeUpdate();
    }
}
