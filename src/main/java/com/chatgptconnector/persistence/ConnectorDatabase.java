package com.chatgptconnector.persistence;

/** Where the application's data source is bound; declared on {@code ApplicationStartup}. */
public final class ConnectorDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/connector";

    private ConnectorDatabase() {
    }
}
