package com.chatgptconnector.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the master keyring and the run mode, and refuses what would be unsafe: no keyring, or
 * the shipped development key outside development mode. {@link #check()} runs at start-up, so
 * a misconfigured server fails its deployment instead of storing keys it cannot protect.
 */
@ApplicationScoped
public class SecretsConfiguration {

    private static final Logger LOG = Logger.getLogger(SecretsConfiguration.class.getName());

    @Inject
    @ConfigProperty(name = "connector.mode", defaultValue = "production")
    String mode;

    @Inject
    @ConfigProperty(name = "connector.crypto.keyring")
    Optional<String> keyring;

    @Inject
    @ConfigProperty(name = "connector.crypto.active-key")
    Optional<String> activeKey;

    private volatile ApiKeyCipher cipher;

    public ConnectorMode mode() {
        return ConnectorMode.parse(mode);
    }

    /** Validates the configuration and builds the cipher; throws with the reason otherwise. */
    public synchronized ApiKeyCipher check() {
        if (cipher != null) {
            return cipher;
        }
        ConnectorMode runMode = mode();
        String spec = keyring.filter(s -> !s.isBlank()).orElse(null);
        if (spec == null) {
            if (runMode == ConnectorMode.PRODUCTION) {
                throw new CryptoConfigurationException("connector.crypto.keyring is not set. In production mode a master key "
                        + "is required, e.g. connector.crypto.keyring=k1:<base64 of 32 random bytes> (openssl rand -base64 32)");
            }
            LOG.warning("connector.crypto.keyring is not set: using the shipped development key (development mode only)");
            spec = MasterKeyring.DEVELOPMENT_KEYRING;
        }
        MasterKeyring ring = MasterKeyring.parse(spec, activeKey.filter(s -> !s.isBlank()).orElse(null));
        if (runMode == ConnectorMode.PRODUCTION && ring.containsDevelopmentKey()) {
            throw new CryptoConfigurationException("connector.crypto.keyring contains the shipped development key. "
                    + "In production mode use your own random keys.");
        }
        LOG.info(() -> "Master keyring with key ids " + ring.keyIds() + ", active key '" + ring.activeKeyId() + "'");
        cipher = new ApiKeyCipher(ring);
        return cipher;
    }

    /** Dependent scope: the cipher is immutable and built once by {@link #check()}. */
    @Produces
    ApiKeyCipher apiKeyCipher() {
        return check();
    }
}
