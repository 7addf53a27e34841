package com.chatgptconnector.usage;

import com.chatgptconnector.persistence.ConnectorDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The usage_record rows. Records are inserted as one JDBC batch in one transaction (many
 * requests' records at once, with their budget settlements, see {@link UsageWriter}); ids come from the same sequence the entity
 * uses, only its syntax differs between H2 and PostgreSQL. A month is read with JPA.
 */
@ApplicationScoped
public class UsageRecordRepository {

    @Resource(lookup = ConnectorDatabase.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    /**
     * PostgreSQL only: with {@code false} a batch's commit returns once it is in the server's
     * memory, not yet on its disk. It then survives a crash of this instance (what issue 29 is
     * about), but not a crash of the PostgreSQL server within its WAL writer delay
     * (docs/adr/0030-asynchronous-commit-on-the-request-path.md).
     */
    @Inject
    @ConfigProperty(name = "connector.usage.synchronous-commit", defaultValue = "false")
    boolean synchronousCommit;

    /** The records of a workspace in [from, to). */
    public List<UsageRecord> between(String workspaceId, Instant from, Instant to) {
        return em.createQuery("select r from UsageRecord r where r.workspaceId = :ws "
                        + "and r.occurredAt >= :from and r.occurredAt < :to", UsageRecord.class)
                .setParameter("ws", workspaceId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /**
     * At most {@code limit} records of a workspace, newest first by (occurred_at, id), strictly
     * older than {@code after} if given (keyset paging on the index of V7).
     */
    public List<UsageRecord> newestFirst(String workspaceId, RequestFilter filter, RequestCursor after, int limit) {
        StringBuilder jpql = new StringBuilder("select r from UsageRecord r where r.workspaceId = :ws");
        switch (filter.kind()) {
            case OK, CODE -> jpql.append(" and r.outcome = :outcome");
            case ERROR -> jpql.append(" and r.outcome <> :outcome");
            case ALL -> { }
        }
        if (after != null) {
            jpql.append(" and (r.occurredAt < :time or (r.occurredAt = :time and r.id < :id))");
        }
        jpql.append(" order by r.occurredAt desc, r.id desc");
        var query = em.createQuery(jpql.toString(), UsageRecord.class).setParameter("ws", workspaceId);
        if (filter.kind() != RequestFilter.Kind.ALL) {
            query.setParameter("outcome", filter.kind() == RequestFilter.Kind.ERROR ? RequestFilter.OK : filter.code());
        }
        if (after != null) {
            query.setParameter("time", after.occurredAt()).setParameter("id", after.id());
        }
        return query.setMaxResults(limit).getResultList();
    }

    private volatile String nextId;
    private volatile Boolean h2;

    /**
     * Inserts the records as one JDBC batch and applies the settlements, in one local transaction.
     * A settlement removes its reservation's row and moves its tokens from reserved to used, one
     * UPDATE a budget row, in a fixed order (two instances' batches never wait on each other in a
     * circle). With {@code durable}, the embedded H2 also writes the commit to its file before
     * this returns: H2 otherwise keeps commits up to its write delay (0.5 s) in memory, which
     * {@code kill -9} loses (measured: docs/adr/0027-durable-usage.md).
     */
    public void write(List<UsageRecord> records, List<Settlement> settlements, boolean durable) {
        try (Connection connection = dataSource.getConnection()) {
            ConnectorDatabase.inTransaction(connection, !synchronousCommit && isPostgres(connection), c -> {
                insert(c, records);
                settle(c, settlements);
            });
            if (durable && h2 != null && h2) {
                try (Statement checkpoint = connection.createStatement()) {
                    checkpoint.execute("checkpoint");
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("usage records not written: " + e.getMessage(), e);
        }
    }

    private void insert(Connection connection, List<UsageRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into usage_record (id, workspace_id, block_id, actor, "
                     + "model, prompt_tokens, completion_tokens, outcome, latency_ms, openai_request_id, occurred_at, endpoint, request_id) values ("
                     + nextId(connection) + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (UsageRecord r : records) {
                insert.setString(1, r.workspaceId());
                setNullable(insert, 2, r.blockId());
                insert.setString(3, r.actor());
                setNullable(insert, 4, r.model());
                insert.setLong(5, r.promptTokens());
                insert.setLong(6, r.completionTokens());
                insert.setString(7, r.outcome());
                insert.setLong(8, r.latencyMillis());
                setNullable(insert, 9, r.openaiRequestId());
                insert.setObject(10, r.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setString(11, r.endpoint());
                setNullable(insert, 12, r.requestId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void settle(Connection connection, List<Settlement> settlements) throws SQLException {
        if (settlements.isEmpty()) {
            return;
        }
        int[] held;
        try (PreparedStatement delete = connection.prepareStatement("delete from token_reservation where id = ?")) {
            for (Settlement s : settlements) {
                delete.setString(1, s.reservationId());
                delete.addBatch();
            }
            held = delete.executeBatch();
        }
        // per budget row: the reserved tokens still held (a swept reservation was released already), and what was used
        Map<List<String>, long[]> rows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (int i = 0; i < settlements.size(); i++) {
            Settlement s = settlements.get(i);
            long[] sums = rows.computeIfAbsent(List.of(s.workspaceId(), s.month()), k -> new long[2]);
            if (held[i] == 1 || held[i] == Statement.SUCCESS_NO_INFO) {
                sums[0] += s.reserved();
            }
            sums[1] += s.used();
        }
        try (PreparedStatement update = connection.prepareStatement("update token_budget set reserved = reserved - ?, used = used + ? "
                + "where workspace_id = ? and budget_month = ?")) {
            for (Map.Entry<List<String>, long[]> row : rows.entrySet()) {
                update.setLong(1, row.getValue()[0]);
                update.setLong(2, row.getValue()[1]);
                update.setString(3, row.getKey().get(0));
                update.setString(4, row.getKey().get(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private String nextId(Connection connection) throws SQLException {
        if (nextId == null) {
            isPostgres(connection);
        }
        return nextId;
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean embedded = h2;
        if (embedded == null) {
            embedded = !ConnectorDatabase.isPostgres(connection);
            nextId = embedded ? "next value for usage_record_seq" : "nextval('usage_record_seq')";
            h2 = embedded;
        }
        return !embedded;
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /**
     * Created at deployment, on a container thread: answers complete on the completion threads,
     * where the container's context (the metric registry, resource lookups) cannot be resolved.
     */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
