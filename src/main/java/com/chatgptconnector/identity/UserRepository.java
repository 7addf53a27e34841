package com.chatgptconnector.identity;

import com.chatgptconnector.persistence.ChangeStamp;
import com.chatgptconnector.persistence.RowReader;
import com.chatgptconnector.persistence.StampedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class UserRepository {

    /** What signing in with a password needs of a user, read on every HTTP Basic request. */
    public record Login(String username, String passwordHash, boolean operator) {
    }

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    RowReader rows;

    @Inject
    ChangeStamp stamp;

    private final StampedCache<String, Optional<Login>> logins = new StampedCache<>(10_000);

    /** A provider's user: its issuer and subject there. */
    public record Federation(String issuer, String subject) {
    }

    private final StampedCache<String, Optional<Federation>> federations = new StampedCache<>(10_000);

    /** The issuer and subject of a provider's user; empty for a local account. Read once a change stamp. */
    public Optional<Federation> federation(String username) {
        return federations.get(stamp.current(), username,
                name -> rows.first("select issuer, subject from app_user where username = ? and issuer is not null",
                        row -> new Federation(row.getString(1), row.getString(2)), name));
    }

    /** Read once a change stamp ({@link ChangeStamp}): a new password or a removed user counts on the next request. */
    public Optional<Login> login(String username) {
        return logins.get(stamp.current(), username,
                name -> rows.first("select username, password_hash, operator from app_user where username = ?",
                        row -> new Login(row.getString(1), row.getString(2), row.getBoolean(3)), name));
    }

    public Optional<UserAccount> findByUsername(String username) {
        return em.createNamedQuery("UserAccount.byUsername", UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public Optional<UserAccount> findFederated(String issuer, String subject) {
        return em.createNamedQuery("UserAccount.federated", UserAccount.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    public Optional<UserAccount> findById(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    public UserAccount add(UserAccount user) {
        em.persist(user);
        em.flush();
        return user;
    }
}
