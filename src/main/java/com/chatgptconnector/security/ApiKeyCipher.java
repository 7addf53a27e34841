package com.chatgptconnector.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts stored API keys with AES-256-GCM. The workspace id is the associated data, so a
 * ciphertext copied into another workspace's row does not decrypt there. Stored form:
 * {@code v1:<masterKeyId>:<base64url(nonce ‖ ciphertext ‖ tag)>}. Decryption either yields the
 * exact key or throws: it never returns an empty or a wrong value.
 */
public class ApiKeyCipher {

    private static final String PREFIX = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    private final MasterKeyring ring;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyCipher(MasterKeyring ring) {
        this.ring = ring;
    }

    public String encrypt(String workspaceId, String plaintext) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new IllegalArgumentException("a workspace id is required");
        }
        if (plaintext == null || plaintext.isEmpty()) {
            throw new IllegalArgumentException("nothing to encrypt");
        }
        String keyId = ring.activeKeyId();
        SecretKey key = ring.key(keyId).orElseThrow();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(workspaceId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String workspaceId, String stored) {
        Parts parts = parse(stored);
        SecretKey key = ring.key(parts.keyId())
                .orElseThrow(() -> new UndecryptableValueException("unknown master key id '" + parts.keyId() + "'"));
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts.payload());
        } catch (IllegalArgumentException e) {
            throw new UndecryptableValueException("malformed value (not base64url)");
        }
        if (payload.length <= NONCE_BYTES + TAG_BYTES) {
            throw new UndecryptableValueException("malformed value (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD((workspaceId == null ? "" : workspaceId).getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            if (plain.length == 0) {
                throw new UndecryptableValueException("empty value");
            }
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UndecryptableValueException("authentication failed (tampered value, wrong workspace or wrong master key)");
        } catch (GeneralSecurityException e) {
            throw new UndecryptableValueException("decryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** True if the value is encrypted under the active master key (false for malformed values). */
    public boolean usesActiveKey(String stored) {
        return masterKeyIdOf(stored).map(ring.activeKeyId()::equals).orElse(false);
    }

    public Optional<String> masterKeyIdOf(String stored) {
        try {
            return Optional.of(parse(stored).keyId());
        } catch (UndecryptableValueException e) {
            return Optional.empty();
        }
    }

    /** Decrypts with whichever key the value names and encrypts again with the active key. */
    public String reencrypt(String workspaceId, String stored) {
        return encrypt(workspaceId, decrypt(workspaceId, stored));
    }

    private record Parts(String keyId, String payload) {
    }

    private static Parts parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            throw new UndecryptableValueException("malformed value (empty)");
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new UndecryptableValueException("malformed value (expected v1:<keyId>:<payload>)");
        }
        return new Parts(parts[1], parts[2]);
    }
}
