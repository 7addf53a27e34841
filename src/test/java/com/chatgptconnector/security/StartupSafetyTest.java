package com.chatgptconnector.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the service refuses to start with: production mode never runs on shipped secrets. */
class StartupSafetyTest {

    static final String OWN_KEY = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    static SecretsConfiguration secrets(String mode, String keyring) {
        SecretsConfiguration secrets = new SecretsConfiguration();
        secrets.mode = mode;
        secrets.keyring = Optional.ofNullable(keyring);
        secrets.activeKey = Optional.empty();
        return secrets;
    }

    static OperatorBootstrap bootstrap(String mode, String password) {
        OperatorBootstrap bootstrap = new OperatorBootstrap();
        bootstrap.username = "operator";
        bootstrap.password = Optional.ofNullable(password);
        bootstrap.secrets = secrets(mode, OWN_KEY);
        return bootstrap;
    }

    @Test
    void productionRefusesAMissingKeyringAndTheDevelopmentKey() {
        CryptoConfigurationException missing = assertThrows(CryptoConfigurationException.class, () -> secrets("production", null).check());
        assertTrue(missing.getMessage().contains("connector.crypto.keyring"), missing.getMessage());
        assertThrows(CryptoConfigurationException.class, () -> secrets("production", MasterKeyring.DEVELOPMENT_KEYRING).check());
        String devBytesUnderOtherId = "mine:" + MasterKeyring.DEVELOPMENT_KEYRING.substring("dev:".length());
        assertThrows(CryptoConfigurationException.class, () -> secrets("production", devBytesUnderOtherId).check());
        assertEquals("k1", secrets("production", OWN_KEY).check().masterKeyIdOf(secrets("production", OWN_KEY).check().encrypt("ws", "sk-x")).orElseThrow());
    }

    @Test
    void developmentFallsBackToTheShippedKey() {
        ApiKeyCipher cipher = secrets("development", null).check();
        assertTrue(cipher.encrypt("ws", "sk-x").startsWith("v1:dev:"));
        assertFalse(cipher.usesActiveKey("v1:k1:AAAA"));
    }

    @Test
    void productionRefusesAMissingDefaultOrShortOperatorPassword() {
        assertThrows(IllegalStateException.class, () -> bootstrap("production", null).run());
        assertThrows(IllegalStateException.class, () -> bootstrap("production", OperatorBootstrap.DEVELOPMENT_PASSWORD).run());
        IllegalStateException tooShort = assertThrows(IllegalStateException.class, () -> bootstrap("production", "short").run());
        assertTrue(tooShort.getMessage().contains("connector.bootstrap.operator.password"));
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThrows(IllegalStateException.class, () -> ConnectorMode.parse("staging"));
        assertEquals(ConnectorMode.PRODUCTION, ConnectorMode.parse(null));
    }
}
