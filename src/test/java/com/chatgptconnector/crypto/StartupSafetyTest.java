package com.chatgptconnector.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the service refuses to start with: production mode never runs on the shipped master key. */
class StartupSafetyTest {

    static final String OWN_KEY = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    static SecretsConfiguration secrets(String mode, String keyring) {
        SecretsConfiguration secrets = new SecretsConfiguration();
        secrets.mode = mode;
        secrets.keyring = Optional.ofNullable(keyring);
        secrets.activeKey = Optional.empty();
        return secrets;
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
    void anUnknownModeIsRefused() {
        assertThrows(IllegalStateException.class, () -> ConnectorMode.parse("staging"));
        assertEquals(ConnectorMode.PRODUCTION, ConnectorMode.parse(null));
    }
}
