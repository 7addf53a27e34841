package com.chatgptconnector.startup;

import com.chatgptconnector.crypto.SecretsConfiguration;
import com.chatgptconnector.identity.OperatorBootstrap;
import com.chatgptconnector.persistence.ConnectorDatabase;
import com.chatgptconnector.persistence.DatabaseMigration;
import com.chatgptconnector.settings.KeyReencryptionJob;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Start-up in a fixed order: refuse unsafe secrets, migrate the schema, create the first
 * operator, move stored keys to the active master key. Anything that fails here fails the
 * deployment, so the service never runs half-configured.
 *
 * <p>The data source is declared here: its settings come from MicroProfile Config at deployment
 * ({@code MPCONFIG} expressions), the embedded H2 file database by default.
 */
@DataSourceDefinition(
        name = ConnectorDatabase.JNDI_NAME,
        className = "com.chatgptconnector.persistence.ConfiguredDataSource",
        url = "${MPCONFIG=connector.datasource.url}",
        user = "${MPCONFIG=connector.datasource.user}",
        password = "${MPCONFIG=connector.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        // one user for every connection, so there is nothing to match. The property-map copy on
        // every getConnection is a different check, logged at INFO only:
        // server-config/payara/pre-boot-commands.asadmin turns that off with the pool's log level
        properties = {"fish.payara.match-connections=false",
                // a database that restarted (or terminated our backends) leaves dead connections in
                // the pool: each is checked (Connection.isValid) before use, at most once every
                // 5 s so the hot path does not pay a round trip a request, and one that failed
                // makes the pool drop all the others too (issue 29, docs/notes/reliability.md)
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Inject
    SecretsConfiguration secrets;

    @Inject
    DatabaseMigration migration;

    @Inject
    OperatorBootstrap operatorBootstrap;

    @Inject
    KeyReencryptionJob reencryption;

    @PostConstruct
    void start() {
        LOG.info(() -> "ChatGPT Connector starting in " + secrets.mode() + " mode");
        secrets.check();
        migration.migrate();
        operatorBootstrap.run();
        reencryption.run();
        LOG.info("ChatGPT Connector started");
    }
}
