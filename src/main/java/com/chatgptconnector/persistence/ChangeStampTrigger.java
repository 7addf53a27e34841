package com.chatgptconnector.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;
import org.h2.engine.Session;
import org.h2.jdbc.JdbcConnection;

/** H2's side of the change-stamp triggers (migration V4 for H2): PostgreSQL has them in PL/pgSQL. */
public class ChangeStampTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
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
}
