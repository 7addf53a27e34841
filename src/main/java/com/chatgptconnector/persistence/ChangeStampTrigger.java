package com.chatgptconnector.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.h2.api.Trigger;
import org.h2.engine.Session;
import org.h2.jdbc.JdbcConnection;

/**
 * H2's side of the change-stamp triggers (migration V4 for H2): PostgreSQL has them in PL/pgSQL.
 * As a row trigger it leaves the stamp alone for an update that changed only a
 * {@code last_used_at} column, which requests write (PostgreSQL: {@code update of} its columns).
 */
public class ChangeStampTrigger implements Trigger {

    private static final String REQUEST_WRITTEN_COLUMN = "LAST_USED_AT";

    private int requestWrittenColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet column = connection.getMetaData().getColumns(null, schema, table, REQUEST_WRITTEN_COLUMN)) {
            if (column.next()) {
                requestWrittenColumn = column.getInt("ORDINAL_POSITION") - 1;
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (onlyRequestWrittenColumnChanged(oldRow, newRow)) {
            return;
        }
        // The raise belongs to the statement that fired: H2 refuses a commit inside a trigger, and
        // an auto-committing session would try one after the update. Switched off on the session
        // itself, since the JDBC setter would commit when switching back.
        Session session = ((JdbcConnection) connection).getSession();
        boolean autoCommit = session.getAutoCommit();
        session.setAutoCommit(false);
        try (Statement raise = connection.createStatement()) {
            raise.executeUpdate("update change_stamp set stamp = stamp + 1 where id = 1");
        } finally {
            session.setAutoCommit(autoCommit);
        }
    }

    private boolean onlyRequestWrittenColumnChanged(Object[] oldRow, Object[] newRow) {
        if (oldRow == null || newRow == null || requestWrittenColumn < 0) {
            return false;
        }
        for (int i = 0; i < oldRow.length; i++) {
            if (i != requestWrittenColumn && !Objects.deepEquals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return true;
    }
}
