package com.chatgptconnector.identity;

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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sign_in_failure rows (V8), one per account or client address that failed recently, shared
 * by every instance. Plain JDBC in local transactions: the counting happens in the authentication
 * module, before any request transaction exists.
 */
@ApplicationScoped
public class SignInFailureRepository {

    /** A row: how many failures since {@code firstFailureAt}, and the lock in force, if any. */
    public record Failures(int failures, Instant firstFailureAt, Instant lockedUntil) {
    }

    /** Decides the lock from the count after a failure: {@code null} for none. */
    public interface LockPolicy {
        Instant lockUntil(int failures, Instant now);
    }

    @Resource(lookup = ConnectorDatabase.JNDI_NAME)
    DataSource dataSource;

    public Optional<Failures> find(String kind, String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select failures, first_failure_at, locked_until from sign_in_failure where kind = ? and subject = ?")) {
            select.setString(1, kind);
            select.setString(2, subject);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("sign-in failures not read: " + e.getMessage(), e);
        }
    }

    /**
     * Counts one failure (a count whose last failure is older than {@code forgetBefore} starts
     * again at one) and sets the lock the policy asks for, in one transaction: concurrent failures
     * on any instance are counted one after the other on the row's lock. Answers the row as it is now.
     */
    public Failures fail(String kind, String subject, Instant now, Instant forgetBefore, LockPolicy policy) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!increment(c, kind, subject, now, forgetBefore)) {
                    try (PreparedStatement insert = c.prepareStatement("insert into sign_in_failure (kind, subject, failures, "
                            + "first_failure_at, last_failure_at, locked_until) values (?, ?, 1, ?, ?, null)")) {
                        insert.setString(1, kind);
                        insert.setString(2, subject);
                        insert.setObject(3, utc(now));
                        insert.setObject(4, utc(now));
                        insert.executeUpdate();
                    } catch (SQLException raced) {
                        // another instance inserted it first: count on its row
                        c.rollback();
                        if (!increment(c, kind, subject, now, forgetBefore)) {
                            throw raced;
                        }
                    }
                }
                Failures row;
                try (PreparedStatement select = c.prepareStatement(
                        "select failures, first_failure_at, locked_until from sign_in_failure where kind = ? and subject = ?")) {
                    select.setString(1, kind);
                    select.setString(2, subject);
                    try (ResultSet r = select.executeQuery()) {
                        r.next();
                        row = read(r);
                    }
                }
                Instant lock = policy.lockUntil(row.failures(), now);
                if (lock != null && (row.lockedUntil() == null || row.lockedUntil().isBefore(lock))) {
                    try (PreparedStatement update = c.prepareStatement(
                            "update sign_in_failure set locked_until = ? where kind = ? and subject = ?")) {
                        update.setObject(1, utc(lock));
                        update.setString(2, kind);
                        update.setString(3, subject);
                        update.executeUpdate();
                    }
                    row = new Failures(row.failures(), row.firstFailureAt(), lock);
                }
                c.commit();
                return row;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("sign-in failure not counted: " + e.getMessage(), e);
        }
    }

    private static boolean increment(Connection c, String kind, String subject, Instant now, Instant forgetBefore)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update sign_in_failure set "
                + "failures = case when last_failure_at < ? then 1 else failures + 1 end, "
                + "first_failure_at = case when last_failure_at < ? then ? else first_failure_at end, "
                + "locked_until = case when last_failure_at < ? then null else locked_until end, "
                + "last_failure_at = ? where kind = ? and subject = ?")) {
            update.setObject(1, utc(forgetBefore));
            update.setObject(2, utc(forgetBefore));
            update.setObject(3, utc(now));
            update.setObject(4, utc(forgetBefore));
            update.setObject(5, utc(now));
            update.setString(6, kind);
            update.setString(7, subject);
            return update.executeUpdate() == 1;
        }
    }

    private static Failures read(ResultSet row) throws SQLException {
        OffsetDateTime first = row.getObject(2, OffsetDateTime.class);
        OffsetDateTime locked = row.getObject(3, OffsetDateTime.class);
        return new Failures(row.getInt(1), first.toInstant(), locked == null ? null : locked.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
