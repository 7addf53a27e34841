package com.chatgptconnector.identity;

import com.chatgptconnector.audit.AuditAction;
import com.chatgptconnector.audit.AuditService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed sign-ins (Basic, the sign-in form, workspace API tokens) per account and per
 * client address in the database, shared by every instance, and says when an attempt must wait
 * (docs/adr/0028-sign-in-throttling.md):
 * <ul>
 * <li>a client address that failed too often is locked, whatever it presents;</li>
 * <li>a locked account refuses attempts from addresses that have failed themselves; a sign-in
 * from a clean address still works, so an attacker cannot lock the operator out;</li>
 * <li>a lock expires ({@link SignInPolicy}), and each new lock is an audit event
 * ({@link AuditAction#SIGN_IN_LOCKED}, under workspace {@value #AUDIT_WORKSPACE}).</li>
 * </ul>
 * Callers with valid credentials pay nothing: the database is asked only about accounts and
 * addresses this instance has seen fail within the forget window (a map lookup otherwise), and a
 * success writes nothing. A success does not reset the account's count either: otherwise an
 * owner signing in again and again (a REST client sends its password with every request) would
 * give an attacker elsewhere five more free guesses each time. Counts are forgotten
 * {@code connector.security.sign-in.forget-after} after their last failure.
 */
@ApplicationScoped
public class SignInThrottle {

    public static final String AUDIT_WORKSPACE = "system";
    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    private static final int MAX_SUSPECTS = 100_000;

    @Inject
    SignInFailureRepository failures;

    @Inject
    AuditService audit;

    @Inject
    SignInThrottle self;

    @Inject
    @ConfigProperty(name = "connector.security.sign-in.free-failures", defaultValue = "5")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "connector.security.sign-in.free-failures-per-address", defaultValue = "20")
    int freeFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "connector.security.sign-in.first-lock", defaultValue = "PT1S")
    Duration firstLock;

    @Inject
    @ConfigProperty(name = "connector.security.sign-in.max-lock", defaultValue = "PT15M")
    Duration maxLock;

    @Inject
    @ConfigProperty(name = "connector.security.sign-in.forget-after", defaultValue = "PT1H")
    Duration forgetAfter;

    private SignInPolicy accounts;
    private SignInPolicy addresses;
    /** Keys that failed here recently, until when: only they make a sign-in ask the database. */
    private final Map<String, Instant> suspects = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        accounts = new SignInPolicy(freeFailures, firstLock, maxLock, forgetAfter);
        addresses = new SignInPolicy(freeFailuresPerAddress, firstLock, maxLock, forgetAfter);
    }

    /** Before a credential is checked: how long this attempt must wait, if it must. */
    public Optional<Duration> refusal(String account, String address) {
        Instant now = Instant.now(Clock.systemUTC());
        boolean addressSuspect = isSuspect(ADDRESS, address, now);
        boolean accountSuspect = account != null && isSuspect(ACCOUNT, normalized(account), now);
        if (!addressSuspect && !accountSuspect) {
            return Optional.empty();
        }
        var fromAddress = failures.find(ADDRESS, address);
        Instant until = fromAddress.map(SignInFailureRepository.Failures::lockedUntil).orElse(null);
        if (account != null && fromAddress.isPresent()) {
            Instant accountLock = failures.find(ACCOUNT, normalized(account)).map(SignInFailureRepository.Failures::lockedUntil)
                    .orElse(null);
            until = later(until, accountLock);
        }
        return remaining(until, now);
    }

    /** After a failed check: counts it; answers the wait if this failure started or extends a lock. */
    public Optional<Duration> failed(String account, String address) {
        Instant now = Instant.now(Clock.systemUTC());
        Instant forgetBefore = now.minus(forgetAfter);
        var fromAddress = failures.fail(ADDRESS, address, now, forgetBefore, addresses::lockUntil);
        markSuspect(ADDRESS, address, now.plus(forgetAfter));
        Instant until = fromAddress.lockedUntil();
        lockStarted(ADDRESS, address, fromAddress, now);
        if (account != null) {
            String name = normalized(account);
            var ofAccount = failures.fail(ACCOUNT, name, now, forgetBefore, accounts::lockUntil);
            markSuspect(ACCOUNT, name, now.plus(forgetAfter));
            lockStarted(ACCOUNT, name, ofAccount, now);
            until = later(until, ofAccount.lockedUntil());
        }
        return remaining(until, now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void audit(String detail) {
        audit.record(AUDIT_WORKSPACE, "sign-in-throttle", AuditAction.SIGN_IN_LOCKED, detail);
    }

    private void lockStarted(String kind, String subject, SignInFailureRepository.Failures row, Instant now) {
        Instant lock = row.lockedUntil();
        // a lock this failure set: the policy's end for this count, from now
        Instant expected = (kind.equals(ACCOUNT) ? accounts : addresses).lockUntil(row.failures(), now);
        if (lock != null && lock.equals(expected)) {
            String detail = kind + " " + subject + " locked until " + lock + " after " + row.failures() + " failed sign-ins";
            LOG.log(Level.WARNING, "Sign-in throttled: {0}", detail);
            try {
                self.audit(detail);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Audit event of a sign-in lock not written: {0}", e.getMessage());
            }
        }
    }

    private boolean isSuspect(String kind, String subject, Instant now) {
        Instant until = suspects.get(kind + ":" + subject);
        if (until == null) {
            return false;
        }
        if (until.isBefore(now)) {
            suspects.remove(kind + ":" + subject, until);
            return false;
        }
        return true;
    }

    private void markSuspect(String kind, String subject, Instant until) {
        if (suspects.size() > MAX_SUSPECTS) {
            // a flood of addresses: forget them here (the database keeps counting); they are asked again after their next failure
            suspects.clear();
        }
        suspects.put(kind + ":" + subject, until);
    }

    private static String normalized(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Optional<Duration> remaining(Instant until, Instant now) {
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }
}
