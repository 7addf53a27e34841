package com.chatgptconnector.identity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Production mode never creates the first operator with the documented development password. */
class OperatorBootstrapTest {

    static OperatorBootstrap bootstrap(String mode, String password) {
        OperatorBootstrap bootstrap = new OperatorBootstrap();
        bootstrap.username = "operator";
        bootstrap.password = Optional.ofNullable(password);
        bootstrap.mode = mode;
        return bootstrap;
    }

    @Test
    void productionRefusesAMissingDefaultOrShortOperatorPassword() {
        assertThrows(IllegalStateException.class, () -> bootstrap("production", null).run());
        assertThrows(IllegalStateException.class, () -> bootstrap("production", OperatorBootstrap.DEVELOPMENT_PASSWORD).run());
        IllegalStateException tooShort = assertThrows(IllegalStateException.class, () -> bootstrap("production", "short").run());
        assertTrue(tooShort.getMessage().contains("connector.bootstrap.operator.password"));
    }
}
