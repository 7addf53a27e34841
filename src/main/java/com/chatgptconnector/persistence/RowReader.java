package com.chatgptconnector.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One indexed row read in plain JDBC, for the reads every request makes (the signed-in user, the
 * membership, the block to run). Outside a transaction, an EclipseLink query builds an entity
 * manager, a unit of work and a managed copy for a single row: 8.6–14.3 KB of allocation a read
 * against 3.7 KB for the same read in JDBC (docs/adr/0004-jdbc-reads-under-the-change-stamp.md). Writes and everything off the
 * request path stay with JPA.
 */
@ApplicationScoped
public class RowReader {

    /** Maps the current row; it must not keep the result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @Resource(lookup = ConnectorDatabase.JNDI_NAME)
    DataSource dataSource;

    /** The first row the query returns, mapped, or empty; a database failure is a {@link PersistenceException}. */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            // the SQL state only: a driver's message may quote the values bound
            throw new PersistenceException("read failed: " + e.getSQLState(), e);
        }
    }
}
