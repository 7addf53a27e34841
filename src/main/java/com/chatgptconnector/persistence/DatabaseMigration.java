package com.chatgptconnector.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest migration before anything else touches the database. Flyway
 * owns the schema: JPA never generates DDL, and the same scripts run on H2 and PostgreSQL, except
 * for the triggers of the change stamp ({@link ChangeStamp}), which each database writes in its own
 * language (db/stamp/h2, db/stamp/postgresql).
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = ConnectorDatabase.JNDI_NAME)
    DataSource dataSource;

    public void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/stamp/" + vendor())
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            return ConnectorDatabase.isPostgres(connection) ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getSQLState(), e);
        }
    }
}
