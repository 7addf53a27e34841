package com.chatgptconnector.identity;

import com.chatgptconnector.crypto.ConnectorMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first operator account on first start, so a fresh installation can be used at
 * all. Development mode may fall back to a documented password; production mode refuses to
 * start without a password of its own.
 */
@ApplicationScoped
public class OperatorBootstrap {

    /** Documented in the README and docs/configuration.md; accepted in development mode only. */
    public static final String DEVELOPMENT_PASSWORD = "operator-dev-password";
    static final int MIN_PASSWORD_LENGTH = 12;

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "connector.bootstrap.operator.username", defaultValue = "operator")
    String username;

    @Inject
    @ConfigProperty(name = "connector.bootstrap.operator.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "connector.mode", defaultValue = "production")
    String mode;

    @Inject
    UserService userService;

    public void run() {
        String configured = password.filter(p -> !p.isBlank()).orElse(null);
        boolean production = ConnectorMode.parse(mode) == ConnectorMode.PRODUCTION;
        if (production && (configured == null || DEVELOPMENT_PASSWORD.equals(configured))) {
            throw new IllegalStateException("connector.bootstrap.operator.password must be set to a password of your own "
                    + "in production mode (at least " + MIN_PASSWORD_LENGTH + " characters)");
        }
        if (production && configured.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("connector.bootstrap.operator.password is shorter than "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        if (userService.exists(username)) {
            return;
        }
        userService.create(username, configured == null ? DEVELOPMENT_PASSWORD : configured, true);
        LOG.info(() -> "Created the first operator account '" + username + "'"
                + (configured == null ? " with the documented development password" : ""));
    }
}
