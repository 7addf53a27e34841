package com.chatgptconnector.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts stored API keys with AES-256-GCM. The workspace id is the associated data, so a
 * ciphertext copied into another workspace's row does not decrypt there. Stored form:
 * {@code v1:<masterKeyId>:<base64url(nonce ‖ ciphertext ‖ tag)>}. Decryption either yields the
 * exact key or throws: it never returns an empty or a wrong value.
 *
 * <p>Thread-safe: {@link Cipher} is not, so each call gets its own instance; {@link SecureRandom}
 * is.
 */
public class ApiKeyCipher {

    private static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    // same rule as the keyring's ids: anything else in a stored value is corruption, and it must
    // not be quoted in an error message because it could be a pasted plaintext key
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final MasterKeyring ring;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyCipher(MasterKeyring ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /**
     * @return {@code v1:<activeKeyId>:<payload>}, different on every call
     * @throws IllegalArgumentException if the workspace id is null or blank, or the plaintext
     *                                  null or empty
     */
    public String encrypt(String workspaceId, String plaintext) {
        requireWorkspace(workspaceId);
        if (plaintext == null || plaintext.isEmpty()) {
            throw new IllegalArgumentException("nothing to encrypt: the value is null or empty");
        }
        String keyId = ring.activeKeyId();
        SecretKey key = ring.key(keyId).orElseThrow(() -> new IllegalStateException("active key missing from the ring"));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = newCipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(workspaceId.getBytes(StandardCharsets.UTF_8));
            byte[] payload = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plain.length));
            int written = cipher.doFinal(plain, 0, plain.length, payload, NONCE_BYTES);
            if (written != payload.length - NONCE_BYTES) {
                throw new IllegalStateException("AES-GCM wrote " + written + " bytes, expected " + (payload.length - NONCE_BYTES));
            }
            return VERSION + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * @return the exact plaintext that was encrypted for this workspace; never null or empty
     * @throws UndecryptableValueException if the value is malformed, names a master key not in
     *                                     the ring, or fails authentication
     * @throws IllegalArgumentException    if the workspace id is null or blank: that is the
     *                                     caller's bug, not a property of the stored value, and
     *                                     must not get a good key marked as unreadable
     */
    public String decrypt(String workspaceId, String stored) {
        requireWorkspace(workspaceId);
        Parts parts = parse(stored);
        SecretKey key = ring.key(parts.keyId())
                .orElseThrow(() -> new UndecryptableValueException("unknown master key id '" + parts.keyId() + "'"));
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts.payload());
        } catch (IllegalArgumentException e) {
            throw new UndecryptableValueException("malformed value (payload is not base64url)");
        }
        // encrypt never stores an empty plaintext, so a payload without a ciphertext byte is corrupt
        if (payload.length <= NONCE_BYTES + TAG_BYTES) {
            throw new UndecryptableValueException("malformed value (payload too short)");
        }
        Cipher cipher;
        try {
            cipher = newCipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(payload, NONCE_BYTES));
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw new UndecryptableValueException("master key '" + parts.keyId() + "' is unusable (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName(), e);
        }
        byte[] plain = null;
        try {
            cipher.updateAAD(workspaceId.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            if (plain.length == 0) {
                throw new UndecryptableValueException("malformed value (empty plaintext)");
            }
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UndecryptableValueException("authentication failed (tampered value, wrong workspace or wrong master key)");
        } catch (GeneralSecurityException e) {
            throw new UndecryptableValueException("decryption failed (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** True if the value is encrypted under the active master key (false for malformed values). */
    public boolean usesActiveKey(String stored) {
        return masterKeyIdOf(stored).map(ring.activeKeyId()::equals).orElse(false);
    }

    /** The master key id a stored value names, without decrypting it; empty if it is malformed. */
    public Optional<String> masterKeyIdOf(String stored) {
        try {
            return Optional.of(parse(stored).keyId());
        } catch (UndecryptableValueException e) {
            return Optional.empty();
        }
    }

    /**
     * Decrypts with whichever key the value names and encrypts again with the active key.
     *
     * @throws UndecryptableValueException as {@link #decrypt}; nothing is produced then
     */
    public String reencrypt(String workspaceId, String stored) {
        return encrypt(workspaceId, decrypt(workspaceId, stored));
    }

    private static Cipher newCipher(int mode, SecretKey key, byte[] nonce)
            throws NoSuchAlgorithmException, NoSuchPaddingException, InvalidKeyException, InvalidAlgorithmParameterException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static void requireWorkspace(String workspaceId) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new IllegalArgumentException("a workspace id is required");
        }
    }

    private record Parts(String keyId, String payload) {
    }

    private static Parts parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            throw new UndecryptableValueException("malformed value (empty)");
        }
        String[] parts = stored.split(":", -1);
        if (!VERSION.equals(parts[0])) {
            // the prefix is not quoted: a plaintext key stored by mistake would start here
            throw new UndecryptableValueException("malformed value (not a " + VERSION + " value)");
        }
        if (parts.length != 3) {
            throw new UndecryptableValueException("malformed value (expected " + VERSION + ":<keyId>:<payload>)");
        }
        if (!KEY_ID.matcher(parts[1]).matches()) {
            throw new UndecryptableValueException("malformed value (invalid master key id)");
        }
        if (parts[2].isEmpty()) {
            throw new UndecryptableValueException("malformed value (no payload)");
        }
        return new Parts(parts[1], parts[2]);
    }
}
