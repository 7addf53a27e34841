package com.chatgptconnector.usage;

import com.chatgptconnector.persistence.ConnectorDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The connector_instance and token_reservation rows (V8): an instance's heartbeat, and the release
 * of reservations that their instance can no longer settle. Plain JDBC with local transactions:
 * it runs on the lease's own thread, outside any request.
 */
@ApplicationScoped
public class ReservationRepository {

    @Resource(lookup = ConnectorDatabase.JNDI_NAME)
    DataSource dataSource;

    /** Inserts or refreshes this instance's row. */
    public void heartbeat(String instanceId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("update connector_instance set heartbeat_at = ? where id = ?")) {
                update.setObject(1, utc(now));
                update.setString(2, instanceId);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into connector_instance (id, started_at, heartbeat_at) values (?, ?, ?)")) {
                insert.setString(1, instanceId);
                insert.setObject(2, utc(now));
                insert.setObject(3, utc(now));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new PersistenceException("heartbeat not written: " + e.getMessage(), e);
        }
    }

    /** A stopped instance says so, so its row does not linger. */
    public void leave(String instanceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from connector_instance where id = ?")) {
            delete.setString(1, instanceId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("instance row not removed: " + e.getMessage(), e);
        }
    }

    /**
     * Releases every reservation whose instance has not beaten since {@code staleBefore} (or has
     * no row), or that was made before {@code tooOldBefore} whoever holds it. Each one in its own
     * transaction, claimed by deleting its row: two instances sweeping at once release it once.
     * Answers how many tokens were released.
     */
    public long releaseOrphans(Instant staleBefore, Instant tooOldBefore) {
        record Orphan(String id, String workspaceId, String month, long tokens) {
        }
        List<Orphan> orphans = new ArrayList<>();
        long released = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement select = c.prepareStatement("select r.id, r.workspace_id, r.budget_month, r.tokens "
                    + "from token_reservation r where r.created_at < ? or not exists (select 1 from connector_instance i "
                    + "where i.id = r.instance_id and i.heartbeat_at >= ?)")) {
                select.setObject(1, utc(tooOldBefore));
                select.setObject(2, utc(staleBefore));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        orphans.add(new Orphan(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
                    }
                }
            }
            if (orphans.isEmpty()) {
                return 0;
            }
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from token_reservation where id = ?");
                 PreparedStatement release = c.prepareStatement("update token_budget set reserved = reserved - ? "
                         + "where workspace_id = ? and budget_month = ?")) {
                for (Orphan o : orphans) {
                    delete.setString(1, o.id());
                    if (delete.executeUpdate() == 1) {
                        release.setLong(1, o.tokens());
                        release.setString(2, o.workspaceId());
                        release.setString(3, o.month());
                        release.executeUpdate();
                        released += o.tokens();
                    }
                    c.commit();
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            // instances gone for a day are forgotten
            try (PreparedStatement forget = c.prepareStatement("delete from connector_instance where heartbeat_at < ?")) {
                forget.setObject(1, utc(staleBefore.minusSeconds(86_400)));
                forget.executeUpdate();
            }
            return released;
        } catch (SQLException e) {
            throw new PersistenceException("reservations not swept: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
