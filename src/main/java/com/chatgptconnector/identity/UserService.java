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
