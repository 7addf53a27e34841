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
    }

    public boolean exists(String workspaceId, String month) {
        return !em.createNativeQuery("select 1 from token_budget where workspace_id = ?1 and budget_month = ?2")
                .setParameter(1, workspaceId).setParameter(2, month).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryReserve(String workspaceId, String month, long tokens, long limit) {
        return em.createNativeQuery("update token_budget set reserved = reserved + ?1 "
                        + "where workspace_id = ?2 and budget_month = ?3 and used + reserved + ?1 <= ?4")
                .setParameter(1, tokens).setParameter(2, workspaceId).setParameter(3, month).setParameter(4, limit)
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(String workspaceId, String month, long reserved, long used) {
        em.createNativeQuery("update token_budget set reserved = reserved - ?1, used = used + ?2 "
                        + "where workspace_id = ?3 and budget_month = ?4")
                .setParameter(1, reserved).setParameter(2, used).setParameter(3, workspaceId).setParameter(4, month)
                .executeUpdate();
    }

}
