package com.chatgptconnector.startup;

import com.chatgptconnector.crypto.ConnectorMode;
import com.chatgptconnector.crypto.SecretsConfiguration;
import com.chatgptconnector.identity.OperatorBootstrap;
import com.chatgptconnector.persistence.ConnectorDatabase;
import com.chatgptconnector.persistence.DatabaseMigration;
import com.chatgptconnector.settings.KeyReencryptionJob;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up in a fixed order: refuse unsafe secrets, migrate the schema, create the first
 * operator, move stored keys to the active master key. A failure must not look alive: with
 * {@code connector.startup.exit-on-failure} (the default in production) the deployment fails and
 * the process exits with status 1, because both servers otherwise keep running without the
 * application. Without it the application stays deployed with readiness DOWN and the reason
 * ({@link StartupReadinessCheck}), so a probe or a person sees why.
 *
 * <p>A CDI observer of the application scope's start, not an EJB {@code @Startup} singleton:
 * WildFly's MicroProfile profile has no EJB container, and there the singleton silently never
 * ran (docs/adr/0025-one-war-on-payara-and-wildfly.md).
 *
 * <p>The data source is declared here and pooled by the server. Its class reads
 * {@code connector.datasource.*} from MicroProfile Config itself where the server does not
 * resolve the {@code MPCONFIG} expressions (WildFly), so the same WAR runs on both.
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
                // makes the pool drop all the others too (issue 29, docs/operations.md; Payara's
                // pool; WildFly's pool takes no such properties and ignores them)
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.fail-all-connections=true"})
@ApplicationScoped
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

    @Inject
    StartupState state;

    @Inject
    @ConfigProperty(name = "connector.startup.exit-on-failure")
    Optional<Boolean> exitOnFailure;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            LOG.info(() -> "ChatGPT Connector starting in " + secrets.mode() + " mode");
            secrets.check();
            migration.migrate();
            operatorBootstrap.run();
            reencryption.run();
            state.started();
            LOG.info("ChatGPT Connector started");
        } catch (RuntimeException e) {
            state.failed(e);
            // the whole exception in the log (no secret in it: the data source's password is never in a message)
            LOG.log(Level.SEVERE, "ChatGPT Connector cannot start: " + StartupState.reason(e), e);
            if (exitsOnFailure()) {
                ProcessExit.exitSoon(1);
                throw e;
            }
        }
    }

    /** Production exits unless told otherwise; development keeps the server for a look at the log. */
    private boolean exitsOnFailure() {
        try {
            return exitOnFailure.orElse(secrets.mode() == ConnectorMode.PRODUCTION);
        } catch (RuntimeException unreadableMode) {
            return true;
        }
    }
}
