package com.chatgptconnector.boundary.security;

import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.identity.UserService;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.workspace.WorkspaceService;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Single sign-on for the web pages (issue 31): the authorization code flow with PKCE, state and
 * nonce; the user created just in time; the session's roles re-read from the provider whenever
 * its tokens expire; sign-out at the provider. The session that results is the same
 * {@link WebSession.Login} as a password sign-in's, with the provider's part beside it, so the
 * authentication module treats both alike and asks this class only whether an SSO session's
 * tokens are still good ({@link #current}).
 */
@ApplicationScoped
public class OidcSignIn {

    static final String SESSION = "connector.oidc.session";

    /** A sign-in under way: what the callback must match, and the PKCE verifier. Never leaves the server. */
    record Pending(String state, String nonce, String codeVerifier, String redirectUri) implements Serializable {
        @Override
        public String toString() {
            return "Pending[redirectUri=" + redirectUri + "]";
        }
    }

    /** The provider's part of a signed-in session. */
    record SsoSession(String subject, String username, String idToken, String refreshToken, Instant expiresAt)
            implements Serializable {
        @Override
        public String toString() {
            return "SsoSession[username=" + username + ", expiresAt=" + expiresAt + "]";
        }
    }

    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    @Inject
    UserService users;

    @Inject
    WorkspaceService workspaces;

    @Inject
    WebSessions sessions;

    public boolean enabled() {
        return settings.enabled();
    }

    public String providerName() {
        return settings.providerName();
    }

    /** Starts a sign-in: the provider's URI to send the browser to. */
    URI begin(HttpServletRequest request, HttpServletResponse response) throws OidcProvider.ProviderException {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = settings.redirectUri().orElseGet(() -> URI.create(base(request) + "api/oidc/callback"));
        URI authorization = provider.authorizationUri(redirect, state, nonce, verifier);
        sessions.holdPending(request, response, new Pending(state.getValue(), nonce.getValue(), verifier.getValue(), redirect.toString()));
        return authorization;
    }

    /**
     * Finishes a sign-in at the callback: the state must be this browser's, the code is exchanged
     * with the PKCE verifier, the ID token must carry this sign-in's nonce. A new session id
     * follows, as at a password sign-in.
     */
    WebSession.Login complete(HttpServletRequest request, HttpServletResponse response, String code, String state)
            throws OidcProvider.ProviderException {
        Pending pending = sessions.takePending(request, response).orElse(null) instanceof Pending p ? p : null;
        if (pending == null || code == null || state == null || !MessageDigest.isEqual(
                pending.state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            throw new OidcProvider.ProviderException("the sign-in's state does not match this browser's", null);
        }
        OidcProvider.Tokens tokens = provider.exchange(code, URI.create(pending.redirectUri()), new CodeVerifier(pending.codeVerifier()),
                new Nonce(pending.nonce()));
        OidcClaims claims = OidcClaims.of(tokens.claims(), settings);
        WebSession.Login login = apply(claims, WebSession.newCsrfToken());
        WebSessions.Session session = sessions.start(request, response, login);
        session.attribute(SESSION, new SsoSession(claims.subject(), login.username(), tokens.idToken(), tokens.refreshToken(),
                tokens.expiresAt()));
        LOG.info(() -> "Signed in through OpenID Connect: provider=" + settings.providerName() + ", subject=" + claims.subject()
                + ", user=" + login.username() + ", operator=" + claims.operator());
        return login;
    }

    /**
     * The session's sign-in as it stands now: a password session as it is; an SSO session while
     * its tokens are valid, and after that with the claims of refreshed tokens, so a person
     * removed from the operator group is no operator from their next request after the token's
     * lifetime. A refresh the provider refuses ends the session (empty).
     */
    Optional<WebSession.Login> current(WebSessions.Session session) {
        WebSession.Login login = session.login();
        Object attribute = session.attribute(SESSION);
        if (!(attribute instanceof SsoSession sso) || Instant.now(Clock.systemUTC()).isBefore(sso.expiresAt())) {
            return Optional.of(login);
        }
        synchronized (sso) {
            // another request of this session may have refreshed meanwhile
            if (session.attribute(SESSION) instanceof SsoSession now && now != sso) {
                return Optional.ofNullable(session.login());
            }
            try {
                if (sso.refreshToken() == null) {
                    throw new OidcProvider.ProviderException("the provider gave no refresh token", null);
                }
                OidcProvider.Tokens tokens = provider.refresh(sso.refreshToken(), sso.subject());
                OidcClaims claims = OidcClaims.of(tokens.claims(), settings);
                WebSession.Login renewed = apply(claims, login.csrfToken());
                session.login(renewed);
                session.attribute(SESSION, new SsoSession(sso.subject(), renewed.username(),
                        tokens.idToken() == null ? sso.idToken() : tokens.idToken(),
                        tokens.refreshToken() == null ? sso.refreshToken() : tokens.refreshToken(), tokens.expiresAt()));
                return Optional.of(renewed);
            } catch (OidcProvider.ProviderException | ProblemException | IllegalStateException e) {
                LOG.log(Level.INFO, "OpenID Connect session of {0} ended: {1}", new Object[]{sso.username(), e.getMessage()});
                sessions.drop(session);
                return Optional.empty();
            }
        }
    }

    /** Where to send the browser to end the provider's session too; empty for a password session or a provider without it. */
    Optional<URI> endSession(HttpServletRequest request, WebSessions.Session session) {
        if (!(session.attribute(SESSION) instanceof SsoSession sso)) {
            return Optional.empty();
        }
        URI back = settings.postLogoutRedirectUri().orElseGet(() -> URI.create(base(request)));
        return provider.endSessionUri(sso.idToken(), back);
    }

    /** The user, the operator role and the memberships from the claims; the session's groups. */
    private WebSession.Login apply(OidcClaims claims, String csrfToken) {
        String issuer = settings.issuer().orElseThrow();
        var user = users.federated(issuer, claims.subject(), claims.username(), claims.operator());
        String origin = "provider=" + settings.providerName() + ", subject=" + claims.subject();
        claims.workspaces().ifPresent(claimed -> workspaces.applyClaimedMemberships(user.username(), claimed,
                "oidc:" + settings.providerName(), origin));
        Set<String> groups = claims.operator() ? Set.of(Roles.USER, Roles.OPERATOR) : Set.of(Roles.USER);
        return new WebSession.Login(user.username(), groups, csrfToken);
    }

    /** The application's base URL as the browser sees it, ending in a slash. */
    static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        String path = request.getRequestURI();
        return url.substring(0, url.length() - path.length()) + request.getContextPath() + "/";
    }
}
