package com.chatgptconnector.boundary.security;

import com.chatgptconnector.identity.SignInThrottle;
import com.chatgptconnector.persistence.DatabaseFailures;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way a password or a workspace API token is checked at the edge (HTTP Basic and tokens
 * in {@link ConnectorAuthModule}, the sign-in form in {@link SessionResource}), throttled by
 * {@link SignInThrottle}: refused with {@code 429 too_many_attempts} and {@code Retry-After}
 * while a lock lasts, {@code 503 database_unavailable} when the database cannot be asked.
 * The client address is the connection's, or the last entry of the header named by
 * {@code connector.security.client-address-header} (set it only behind a proxy that writes it).
 */
@ApplicationScoped
public class ThrottledSignIn {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInThrottle throttle;

    @Inject
    @ConfigProperty(name = "connector.security.client-address-header")
    Optional<String> addressHeader;

    /** A username and password: VALID, INVALID, or a {@link ProblemException} for a wait or an absent database. */
    public CredentialValidationResult validate(UsernamePasswordCredential credential, HttpServletRequest request) {
        String account = credential.getCaller();
        String address = clientAddress(request);
        refuseIfLocked(guarded(() -> throttle.refusal(account, address)));
        CredentialValidationResult result = guarded(() -> identityStores.validate(credential));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return result;
        }
        refuseIfLocked(guarded(() -> throttle.failed(account, address)));
        return result;
    }

    /** A token that matched none: counted for the client address; a wait where that locks it. */
    public void tokenFailed(HttpServletRequest request) {
        refuseIfLocked(guarded(() -> throttle.failed(null, clientAddress(request))));
    }

    String clientAddress(HttpServletRequest request) {
        if (addressHeader.isPresent() && !addressHeader.get().isBlank()) {
            String forwarded = request.getHeader(addressHeader.get().strip());
            if (forwarded != null && !forwarded.isBlank()) {
                // the entry the proxy in front of us appended: the ones before it are the client's to write
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 100) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }

    private static void refuseIfLocked(Optional<Duration> wait) {
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ProblemException(ErrorCode.TOO_MANY_ATTEMPTS, Map.of("retryAfterSeconds", seconds), seconds);
        }
    }

    private static <T> T guarded(Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                // a ProblemException carries no cause or stack trace by design: the code says it all
                throw new ProblemException(ErrorCode.DATABASE_UNAVAILABLE, Map.of("retryAfterSeconds", 5));
            }
            throw e;
        }
    }
}
