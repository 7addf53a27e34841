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

    /**
     * PostgreSQL only, inside a transaction: its commit returns once the commit is in the
     * server's memory, before its WAL reaches the disk (SET LOCAL: the pooled connection goes
     * back with the server's default). The commit survives a crash of this instance, not one of
     * the PostgreSQL server within its WAL writer delay.
     */
    public static void commitAsynchronously(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("set local synchronous_commit to off");
        }
    }

    private ConnectorDatabase() {
    }
}
