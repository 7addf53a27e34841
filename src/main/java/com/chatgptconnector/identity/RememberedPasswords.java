package com.chatgptconnector.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The passwords verified lately, so that a REST client that sends its password with every request
 * costs one PBKDF2 check rather than one a request. An entry keeps a peppered SHA-256 digest of
 * the password and the stored hash it was checked against, so a changed password is never
 * accepted from memory, and it is forgotten after a while without use. A client in steady use is
 * never made to wait for PBKDF2 again: with a fixed lifetime instead, every request a busy client
 * had in flight when the entry expired ran PBKDF2 at once, and the benchmark saw the service stall
 * for most of a second every five minutes.
 */
final class RememberedPasswords {

    private static final class Entry {
        final String storedHash;
        final byte[] digest;
        volatile long lastUsedNanos;

        Entry(String storedHash, byte[] digest, long lastUsedNanos) {
            this.storedHash = storedHash;
            this.digest = digest;
            this.lastUsedNanos = lastUsedNanos;
        }
    }

    private final byte[] pepper = new byte[32];
    private final long idleNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    RememberedPasswords(Duration idle, int maxEntries, LongSupplier nanoClock) {
        this.idleNanos = idle.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        new SecureRandom().nextBytes(pepper);
    }

    /**
     * Whether this password was verified against this stored hash and used since within the idle
     * time; a recall counts as a use.
     */
    boolean recalls(String username, String storedHash, String password) {
        Entry entry = entries.get(username);
        if (entry == null || !entry.storedHash.equals(storedHash)) {
            return false;
        }
        long now = nanoClock.getAsLong();
        if (now - entry.lastUsedNanos >= idleNanos || !MessageDigest.isEqual(entry.digest, digest(password))) {
            return false;
        }
        entry.lastUsedNanos = now;
        return true;
    }

    /** Called once PBKDF2 has accepted this password for this stored hash. */
    void remember(String username, String storedHash, String password) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(username, new Entry(storedHash, digest(password), nanoClock.getAsLong()));
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pepper);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
