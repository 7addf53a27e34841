package com.chatgptconnector.persistence;

import com.chatgptconnector.startup.ApplicationStartup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Where the application's data source is bound (declared on {@code startup.ApplicationStartup}), and which database it is. */
public final class ConnectorDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/connector";

    /** Whether the connection is to PostgreSQL; the only other database supported is H2. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private ConnectorDatabase() {
    }
}
