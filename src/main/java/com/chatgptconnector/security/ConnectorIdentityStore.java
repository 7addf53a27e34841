package com.chatgptconnector.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and their global roles from the database. PBKDF2 is slow on purpose, and a REST client
 * sends its password with every request, so a successful check is remembered for a short while
 * as a salted digest — tied to the stored hash, so a changed password is never accepted from
 * memory.
 */
@ApplicationScoped
public class ConnectorIdentityStore implements IdentityStore {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(String storedHash, byte[] digest, long expiresAtNanos) {
    }

    private final byte[] pepper = new byte[32];
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private volatile String dummyHash;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    public ConnectorIdentityStore() {
        new SecureRandom().nextBytes(pepper);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = login.getCaller();
        String password = login.getPasswordAsString();
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            // spend the same time as for a real user, so timing does not reveal who exists
            hasher.verify(password, dummyHash());
            return CredentialValidationResult.INVALID_RESULT;
        }
        UserAccount user = found.get();
        if (!matches(user, password)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.username(),
                user.operator() ? Set.of(Roles.USER, Roles.OPERATOR) : Set.of(Roles.USER));
    }

    private boolean matches(UserAccount user, String password) {
        byte[] digest = digest(password);
        Verified remembered = verified.get(user.username());
        if (remembered != null && remembered.storedHash().equals(user.passwordHash())
                && remembered.expiresAtNanos() - System.nanoTime() > 0
                && MessageDigest.isEqual(remembered.digest(), digest)) {
            return true;
        }
        if (!hasher.verify(password, user.passwordHash())) {
            return false;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(user.username(), new Verified(user.passwordHash(), digest, System.nanoTime() + REMEMBER.toNanos()));
        return true;
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

    /** A hash of a random password, made once, to verify against for unknown usernames. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(java.util.UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }
}
