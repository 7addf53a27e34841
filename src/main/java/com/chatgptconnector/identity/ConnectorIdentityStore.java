package com.chatgptconnector.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their global roles from the database. PBKDF2 is slow on purpose, and a REST client
 * sends its password with every request, so a successful check is remembered while the client
 * keeps using it ({@link RememberedPasswords}).
 */
@ApplicationScoped
public class ConnectorIdentityStore implements IdentityStore {

    private static final Duration REMEMBER_WHILE_IN_USE = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final RememberedPasswords remembered = new RememberedPasswords(REMEMBER_WHILE_IN_USE, MAX_REMEMBERED, System::nanoTime);
    private volatile String dummyHash;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

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
        Optional<UserRepository.Login> found = users.login(username);
        if (found.isEmpty()) {
            // spend the same time as for a real user, so timing does not reveal who exists
            hasher.verify(password, dummyHash());
            return CredentialValidationResult.INVALID_RESULT;
        }
        UserRepository.Login user = found.get();
        if (!matches(user, password)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.username(),
                user.operator() ? Set.of(Roles.USER, Roles.OPERATOR) : Set.of(Roles.USER));
    }

    private boolean matches(UserRepository.Login user, String password) {
        if (remembered.recalls(user.username(), user.passwordHash(), password)) {
            return true;
        }
        if (!hasher.verify(password, user.passwordHash())) {
            return false;
        }
        remembered.remember(user.username(), user.passwordHash(), password);
        return true;
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
