package com.chatgptconnector.crypto;

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
 *
 * <p>Error messages name the entry and the config key to fix but never echo anything that could
 * be key material: only ids that already passed the id pattern are quoted.
 */
public final class MasterKeyring {

    /** The development key shipped with the service; refused in production mode. */
    public static final String DEVELOPMENT_KEYRING = "dev:FFcZ0CGUZSUnNiZYsfohZslclztZC7k0WrEqTSROe1w=";

    static final String KEYRING_PROPERTY = "connector.crypto.keyring";
    static final String ACTIVE_KEY_PROPERTY = "connector.crypto.active-key";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final int KEY_BYTES = 32;
    private static final byte[] DEVELOPMENT_KEY =
            Base64.getDecoder().decode(DEVELOPMENT_KEYRING.substring(DEVELOPMENT_KEYRING.indexOf(':') + 1));

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private MasterKeyring(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * @param spec         {@code id:base64} entries separated by commas and/or whitespace
     * @param activeKeyId  the key new values are encrypted with; may be null or blank only when
     *                     the ring holds exactly one key
     * @throws CryptoConfigurationException if anything about the configuration is unusable
     */
    public static MasterKeyring parse(String spec, String activeKeyId) {
        if (spec == null || spec.isBlank()) {
            throw new CryptoConfigurationException(KEYRING_PROPERTY + " is empty: give at least one entry id:base64 "
                    + "(a key is 32 random bytes, e.g. openssl rand -base64 32)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int position = 0;
        for (String entry : spec.trim().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            position++;
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new CryptoConfigurationException(KEYRING_PROPERTY + ": entry #" + position
                        + " has no ':'; every entry must be id:base64");
            }
            String id = entry.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw new CryptoConfigurationException(KEYRING_PROPERTY + ": entry #" + position
                        + " has an invalid key id; an id is 1-32 letters, digits, '.', '_' or '-'");
            }
            byte[] bytes = decode(entry.substring(colon + 1), id);
            if (bytes.length != KEY_BYTES) {
                throw new CryptoConfigurationException(KEYRING_PROPERTY + ": key '" + id + "' has " + bytes.length
                        + " bytes, but AES-256 needs exactly " + KEY_BYTES + " (openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new CryptoConfigurationException(KEYRING_PROPERTY + ": key id '" + id + "' appears more than once");
            }
        }
        if (keys.isEmpty()) {
            throw new CryptoConfigurationException(KEYRING_PROPERTY + " is empty: give at least one entry id:base64");
        }
        return new MasterKeyring(keys, chooseActive(keys, activeKeyId));
    }

    private static String chooseActive(Map<String, SecretKey> keys, String requested) {
        String active = requested == null || requested.isBlank() ? null : requested.trim();
        if (active == null) {
            if (keys.size() > 1) {
                throw new CryptoConfigurationException(ACTIVE_KEY_PROPERTY + " must name one of the keys " + keys.keySet()
                        + " in " + KEYRING_PROPERTY + " when the keyring holds more than one");
            }
            return keys.keySet().iterator().next();
        }
        if (!ID.matcher(active).matches()) {
            // someone may have pasted the key itself here, so the value is not repeated
            throw new CryptoConfigurationException(ACTIVE_KEY_PROPERTY + " is not a valid key id; it must name one of the keys "
                    + keys.keySet() + " in " + KEYRING_PROPERTY);
        }
        if (!keys.containsKey(active)) {
            throw new CryptoConfigurationException(ACTIVE_KEY_PROPERTY + " '" + active + "' is not in " + KEYRING_PROPERTY
                    + ", which holds " + keys.keySet());
        }
        return active;
    }

    private static byte[] decode(String value, String id) {
        try {
            // '-' or '_' only occur in the URL-safe alphabet, '+' or '/' only in the standard one
            return value.indexOf('-') >= 0 || value.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(value)
                    : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            // the decoder's message quotes the offending character, so it is not passed on
            throw new CryptoConfigurationException(KEYRING_PROPERTY + ": key '" + id + "' is not valid base64");
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Optional<SecretKey> key(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(keys.get(id));
    }

    /** The ids in configuration order; unmodifiable. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** True if any entry holds the shipped development key, whatever its id. */
    public boolean containsDevelopmentKey() {
        return keys.values().stream().anyMatch(k -> MessageDigest.isEqual(k.getEncoded(), DEVELOPMENT_KEY));
    }

    @Override
    public String toString() {
        return "MasterKeyring[ids=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }
}
