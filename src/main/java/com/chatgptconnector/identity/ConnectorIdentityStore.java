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
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** Off where everyone signs in through the OpenID Connect provider (issue 31). */
    @Inject
    @ConfigProperty(name = "connector.auth.password-sign-in", defaultValue = "true")
    boolean passwordSignIn;

    /** The one local account that keeps its password when password sign-in is off: for when the provider is down. */
    @Inject
    @ConfigProperty(name = "connector.auth.break-glass-operator")
    Optional<String> breakGlassOperator;

    /** The first operator, the break-glass operator unless another is named. */
    @Inject
    @ConfigProperty(name = "connector.bootstrap.operator.username", defaultValue = "operator")
    String firstOperator;

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
        // users of the provider have no password; with password sign-in off only the break-glass
        // operator has one that counts
        if (found.isEmpty() || found.get().passwordHash() == null || !passwordAllowedFor(username)) {
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

    /** The rule of {@code connector.auth.password-sign-in}, free of I/O for the unit test. */
    static boolean passwordAllowed(boolean passwordSignIn, String breakGlassOperator, String username) {
        return passwordSignIn || username.equals(breakGlassOperator);
    }

    private boolean passwordAllowedFor(String username) {
        return passwordAllowed(passwordSignIn, breakGlassOperator.filter(name -> !name.isBlank()).orElse(firstOperator), username);
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
