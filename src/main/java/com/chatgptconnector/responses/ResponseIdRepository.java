package com.chatgptconnector.responses;

import com.chatgptconnector.persistence.ConnectorDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The openai_response rows (V5): one a response id, with its workspace. Plain JDBC, one statement
 * each, committed on its own (no transaction is open on the threads that complete calls): an
 * insert is on the path of every Responses API call, and a JTA transaction around it cost more
 * than the statement.
 */
@ApplicationScoped
public class ResponseIdRepository {

    @Resource(lookup = ConnectorDatabase.JNDI_NAME)
    DataSource dataSource;

    /** Whether the insert waits for PostgreSQL's disk: as the usage records do (UsageRecordRepository). */
    @Inject
    @ConfigProperty(name = "connector.usage.synchronous-commit", defaultValue = "false")
    boolean synchronousCommit;

    private volatile Boolean postgres;

    /** Committed before the answer naming the id goes out: the caller may use it the next moment. */
    public void insert(String workspaceId, String responseId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into openai_response (response_id, workspace_id, created_at) values (?, ?, ?)")) {
            insert.setString(1, responseId);
            insert.setString(2, workspaceId);
            insert.setObject(3, OffsetDateTime.now(Clock.systemUTC()).withOffsetSameInstant(ZoneOffset.UTC));
            if (synchronousCommit || !isPostgres(connection)) {
                insert.executeUpdate();
            } else {
                ConnectorDatabase.inTransaction(connection, true, c -> insert.executeUpdate());
            }
        } catch (SQLException e) {
            throw new PersistenceException("response id not kept: " + e.getSQLState(), e);
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = ConnectorDatabase.isPostgres(connection);
            postgres = known;
        }
        return known;
    }

    public boolean owned(String workspaceId, String responseId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select 1 from openai_response where response_id = ? and workspace_id = ?")) {
            select.setString(1, responseId);
            select.setString(2, workspaceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new PersistenceException("response id not read: " + e.getSQLState(), e);
        }
    }

    public void delete(String workspaceId, String responseId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from openai_response where response_id = ? and workspace_id = ?")) {
            delete.setString(1, responseId);
            delete.setString(2, workspaceId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("response id not deleted: " + e.getSQLState(), e);
        }
    }

    /** Created at deployment, on a container thread: the completion threads cannot resolve the data source. */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
