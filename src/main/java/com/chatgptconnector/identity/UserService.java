package com.chatgptconnector.identity;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Creates user accounts; other features look users up through here, not through the table. */
@ApplicationScoped
public class UserService {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Transactional
    public UserAccount create(String username, String password, boolean operator) {
        if (users.findByUsername(username).isPresent()) {
            throw new ProblemException(ErrorCode.ALREADY_EXISTS, username);
        }
        return users.add(new UserAccount(username, hasher.hash(password), operator, Instant.now(Clock.systemUTC())));
    }

    /**
     * The user of an OpenID Connect provider, created at the first sign-in (just in time, without a
     * password) and found again by issuer and subject later; the operator role as the provider's
     * claims say now. A username that a local account or another provider's user already has is
     * refused: signing in through a provider never takes over an account that is not its own.
     */
    @Transactional
    public UserAccount federated(String issuer, String subject, String username, boolean operator) {
        Optional<UserAccount> known = users.findFederated(issuer, subject);
        if (known.isPresent()) {
            UserAccount user = known.get();
            if (user.operator() != operator) {
                user.changeOperator(operator);
            }
            return user;
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ProblemException(ErrorCode.ALREADY_EXISTS, username);
        }
        return users.add(UserAccount.federated(username, issuer, subject, operator, Instant.now(Clock.systemUTC())));
    }

    public Optional<UserAccount> find(String username) {
        return users.findByUsername(username);
    }

    public Optional<UserAccount> find(long id) {
        return users.findById(id);
    }

    /** True if a user of that name exists (used by the first-start bootstrap). */
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }
}
