package com.chatgptconnector.persistence;

import com.chatgptconnector.startup.ApplicationStartup;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Where the application's data source is bound (declared on {@code startup.ApplicationStartup}), and which database it is. */
public final class ConnectorDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/connector";

    /** Whether the connection is to PostgreSQL; the only other database supported is H2. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Statements to run in one transaction. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one local transaction on {@code connection}: committed, or rolled back
     * on any failure, and the connection's auto-commit put back as it was. With
     * {@code asynchronous} (PostgreSQL only) the commit returns once it is in the server's
     * memory, before its WAL reaches the disk (SET LOCAL: the pooled connection goes back with the
     * server's default); it survives a crash of this instance, not one of the PostgreSQL server
     * within its WAL writer delay.
     */
    public static void inTransaction(Connection connection, boolean asynchronous, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (asynchronous) {
                try (Statement set = connection.createStatement()) {
                    set.execute("set local synchronous_commit to off");
                }
            }
            work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private ConnectorDatabase() {
    }
}
