package com.chatgptconnector.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person who signs in with a username and a PBKDF2-hashed password, or through an OpenID
 * Connect provider: then {@code issuer} and {@code subject} say who they are there, and there is
 * no password (V9).
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "UserAccount.byUsername", query = "select u from UserAccount u where u.username = :username")
@NamedQuery(name = "UserAccount.federated", query = "select u from UserAccount u where u.issuer = :issuer and u.subject = :subject")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "UserAccountIds")
    @SequenceGenerator(name = "UserAccountIds", sequenceName = "app_user_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean operator;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column
    private String issuer;

    @Column
    private String subject;

    @Version
    // 1 from the start: EclipseLink (Payara) writes 1 on insert, Hibernate (WildFly) keeps what it is given
    private long version = 1;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, boolean operator, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.operator = operator;
        this.createdAt = createdAt;
    }

    /** A user of an OpenID Connect provider, created at their first sign-in: never with a password. */
    public static UserAccount federated(String username, String issuer, String subject, boolean operator, Instant createdAt) {
        UserAccount user = new UserAccount(username, null, operator, createdAt);
        user.issuer = issuer;
        user.subject = subject;
        return user;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean operator() {
        return operator;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The OpenID Connect provider's issuer, or null for a local account. */
    public String issuer() {
        return issuer;
    }

    public String subject() {
        return subject;
    }

    /** The operator role as the provider's claims last said (federated users only). */
    public void changeOperator(boolean operator) {
        this.operator = operator;
    }
}
