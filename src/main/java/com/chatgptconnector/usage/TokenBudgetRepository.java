package com.chatgptconnector.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** The token_budget rows, by plain SQL: the reservation must be one atomic conditional UPDATE. */
@ApplicationScoped
public class TokenBudgetRepository {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    TokenBudgetRepository self;

    /** Creates the month's row; a concurrent creator winning the race is fine. */
    public void create(String workspaceId, String month) {
        try {
            self.insert(workspaceId, month);
        } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
            // another request or instance inserted it first
        }
    }

    /** The row starts with what the month's usage records already count. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String workspaceId, String month) {
        java.time.YearMonth m = java.time.YearMonth.parse(month);
        em.createNativeQuery("insert into token_budget (workspace_id, budget_month, used, reserved) "
                        + "select ?1, ?2, coalesce(sum(prompt_tokens + completion_tokens), 0), 0 from usage_record "
                        + "where workspace_id = ?1 and occurred_at >= ?3 and occurred_at < ?4")
                .setParameter(1, workspaceId).setParameter(2, month)
                .setParameter(3, m.atDay(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(4, m.plusMonths(1).atDay(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void drop(String workspaceId, String month) {
        em.createNativeQuery("delete from token_budget where workspace_id = ?1 and budget_month = ?2")
                .setParameter(1, workspaceId).setParameter(2, month).executeUpdate();
        // the calls in flight settle into the new row as used only (it starts from the records)
        em.createNativeQuery("delete from token_reservation where workspace_id = ?1 and budget_month = ?2")
                .setParameter(1, workspaceId).setParameter(2, month).executeUpdate();
    }

    public boolean exists(String workspaceId, String month) {
        return !em.createNativeQuery("select 1 from token_budget where workspace_id = ?1 and budget_month = ?2")
                .setParameter(1, workspaceId).setParameter(2, month).getResultList().isEmpty();
    }

    /**
     * The conditional UPDATE and, in the same transaction, the reservation's own row naming this
     * instance: if the instance dies before settling, another one releases it (docs/adr/0027).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryReserve(String reservationId, String instanceId, String workspaceId, String month, long tokens, long limit) {
        boolean reserved = em.createNativeQuery("update token_budget set reserved = reserved + ?1 "
                        + "where workspace_id = ?2 and budget_month = ?3 and used + reserved + ?1 <= ?4")
                .setParameter(1, tokens).setParameter(2, workspaceId).setParameter(3, month).setParameter(4, limit)
                .executeUpdate() == 1;
        if (reserved) {
            em.createNativeQuery("insert into token_reservation (id, workspace_id, budget_month, tokens, instance_id, created_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, reservationId).setParameter(2, workspaceId).setParameter(3, month).setParameter(4, tokens)
                    .setParameter(5, instanceId).setParameter(6, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                    .executeUpdate();
        }
        return reserved;
    }

    /**
     * Removes the reservation's row and moves its tokens from reserved to used. A reservation the
     * sweeper already released (its instance seemed gone) only adds what was used.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(String reservationId, String workspaceId, String month, long reserved, long used) {
        boolean held = em.createNativeQuery("delete from token_reservation where id = ?1")
                .setParameter(1, reservationId).executeUpdate() == 1;
        em.createNativeQuery("update token_budget set reserved = reserved - ?1, used = used + ?2 "
                        + "where workspace_id = ?3 and budget_month = ?4")
                .setParameter(1, held ? reserved : 0).setParameter(2, used).setParameter(3, workspaceId).setParameter(4, month)
                .executeUpdate();
    }

}
