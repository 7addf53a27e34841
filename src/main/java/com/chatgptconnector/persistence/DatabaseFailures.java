package com.chatgptconnector.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (refused connection, a backend that was terminated, a
 * pool that cannot allocate) from a statement that failed: the first is answered with
 * {@code 503 database_unavailable} and is worth retrying, the second is a bug or a conflict.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-57P03: PostgreSQL shutting down or terminating the backend
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String name = t.getClass().getName();
            // the container's pool: no connection could be allocated (Payara's PoolingException, a ResourceException)
            if (name.endsWith("PoolingException") || name.endsWith("ResourceAllocationException")
                    || (name.endsWith("ResourceException") && String.valueOf(t.getMessage()).contains("allocat"))) {
                return true;
            }
        }
        return false;
    }
}
