package com.chatgptconnector.security;

import com.chatgptconnector.persistence.RowReader;
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

    public Optional<Login> login(String username) {
        return rows.first("select username, password_hash, operator from app_user where username = ?",
                row -> new Login(row.getString(1), row.getString(2), row.getBoolean(3)), username);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return em.createNamedQuery("UserAccount.byUsername", UserAccount.class)
                .setParameter("username", username)
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
