package com.chatgptconnector.security;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The versioned master keys from {@code connector.crypto.keyring}: {@code id:base64} entries of
 * 32 random bytes each. New values are encrypted with the active key; every key in the ring
 * still decrypts, which is what makes a rotation possible without downtime.
 */
public final class MasterKeyring {

    /** The development key shipped with the service; refused in production mode. */
    public static final String DEVELOPMENT_KEYRING = "dev:FFcZ0CGUZSUnNiZYsfohZslclztZC7k0WrEqTSROe1w=";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private MasterKeyring(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    public static MasterKeyring parse(String spec, String activeKeyId) {
        if (spec == null || spec.isBlank()) {
            throw new CryptoConfigurationException("connector.crypto.keyring is empty: give at least one entry id:base64");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.trim().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? entry : entry.substring(0, colon);
            if (colon < 0 || !ID.matcher(id).matches()) {
                throw new CryptoConfigurationException("connector.crypto.keyring: every entry must be id:base64 with an id of "
                        + "letters, digits, '.', '_' or '-' (1-32 characters)");
            }
            byte[] bytes = decode(entry.substring(colon + 1), id);
            if (bytes.length != KEY_BYTES) {
                throw new CryptoConfigurationException("connector.crypto.keyring: key '" + id + "' has " + bytes.length
                        + " bytes, but AES-256 needs exactly " + KEY_BYTES + " (openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new CryptoConfigurationException("connector.crypto.keyring: key id '" + id + "' appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new CryptoConfigurationException("connector.crypto.keyring is empty: give at least one entry id:base64");
        }
        String active = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId.trim();
        if (active == null) {
            if (keys.size() > 1) {
                throw new CryptoConfigurationException("connector.crypto.active-key must name one of the keys " + keys.keySet()
                        + " when the keyring holds more than one");
            }
            active = keys.keySet().iterator().next();
        } else if (!keys.containsKey(active)) {
            throw new CryptoConfigurationException("connector.crypto.active-key '" + active + "' is not in connector.crypto.keyring "
                    + keys.keySet());
        }
        return new MasterKeyring(keys, active);
    }

    private static byte[] decode(String value, String id) {
        String trimmed = value.trim();
        try {
            return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new CryptoConfigurationException("connector.crypto.keyring: key '" + id + "' is not valid base64");
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** True if any entry holds the shipped development key, whatever its id. */
    public boolean containsDevelopmentKey() {
        byte[] development = Base64.getDecoder().decode(DEVELOPMENT_KEYRING.substring(DEVELOPMENT_KEYRING.indexOf(':') + 1));
        return keys.values().stream().anyMatch(k -> MessageDigest.isEqual(k.getEncoded(), development));
    }

    @Override
    public String toString() {
        return "MasterKeyring[ids=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }
}
