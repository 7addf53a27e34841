package com.chatgptconnector.boundary.security;

import com.chatgptconnector.boundary.compatible.OpenAiEnvelope;
import com.chatgptconnector.boundary.compatible.RequestIds;
import com.chatgptconnector.boundary.problem.Problems;
import com.chatgptconnector.identity.ApiTokenService;
import com.chatgptconnector.identity.AuthenticatedCaller;
import com.chatgptconnector.identity.CurrentCaller;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ProblemException;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Signs callers in: HTTP Basic for the REST API, the web pages' session, and workspace API tokens
 * as Bearer. Unlike the built-in Basic mechanism, a wrong password answers with a problem detail
 * rather than the server's HTML error page, and a request without credentials passes through
 * anonymously: each resource method declares its roles, and {@link RoleEnforcementFeature}
 * refuses anonymous callers where a role is needed.
 * <p>
 * A Jakarta Authentication module registered with the container by {@link AuthModuleInstaller},
 * not a Jakarta Security {@code HttpAuthenticationMechanism}: Soteria's bridge to such a mechanism
 * (Payara's Jakarta Security) looks the CDI bean manager up in JNDI twice on every request, and
 * builds a NamingException with its stack trace each time, whether or not it is thrown. That was
 * 8 % of the CPU of a request through the OpenAI-compatible endpoint
 * (docs/adr/0005-jakarta-authentication-module.md).
 * The container still learns the caller and groups the standard way, so {@code getUserPrincipal}
 * and {@code isUserInRole} answer as before.
 */
public final class ConnectorAuthModule implements ServerAuthModule {

    private final ThrottledSignIn signIn;
    private final ApiTokenService tokens;
    private final OidcSignIn sso;
    private final OidcMachineTokens machineTokens;
    private final WebSessions sessions;
    private volatile CallbackHandler container;

    ConnectorAuthModule(ThrottledSignIn signIn, ApiTokenService tokens, OidcSignIn sso, OidcMachineTokens machineTokens,
            WebSessions sessions) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.sso = sso;
        this.machineTokens = machineTokens;
        this.sessions = sessions;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[]{HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
        if (PublicPaths.matches(request)) {
            // probes and scrapers: stale credentials must not turn them 401 (issue 29)
            return anonymous(client);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).trim(), request, response, client);
        }
        if (authorization == null) {
            return session(request, response, client);
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return anonymous(client);
        }
        UsernamePasswordCredential credential = decode(authorization.substring(6).trim());
        if (credential != null) {
            CredentialValidationResult result;
            try {
                result = signIn.validate(credential, request);
            } catch (ProblemException refused) {
                refuse(request, response, refused);
                return AuthStatus.SEND_FAILURE;
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return login(request, client, result.getCallerPrincipal().getName(), result.getCallerGroups());
            }
        }
        unauthorized(request, response);
        return AuthStatus.SEND_FAILURE;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    /**
     * The web pages' signed-in session. Cookies are sent by the browser on its own, so every
     * state-changing request must also carry the session's CSRF token in {@code X-CSRF-Token}.
     */
    private AuthStatus session(HttpServletRequest request, HttpServletResponse response, Subject client) throws AuthException {
        WebSessions.Session session = sessions.current(request).orElse(null);
        if (session == null) {
            return anonymous(client);
        }
        // a single sign-on session counts while its tokens do, and then with the refreshed claims (issue 31)
        WebSession.Login login = sso.current(session).orElse(null);
        if (login == null) {
            return anonymous(client);
        }
        boolean safe = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        boolean signIn = "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/api/session");
        if (!safe && !signIn && !java.security.MessageDigest.isEqual(
                login.csrfToken().getBytes(StandardCharsets.UTF_8),
                String.valueOf(request.getHeader(WebSession.CSRF_HEADER)).getBytes(StandardCharsets.UTF_8))) {
            write(request, response, Problems.response(ErrorCode.CSRF_FAILED, Messages.pick(Collections.list(request.getLocales())), Map.of()));
            return AuthStatus.SEND_FAILURE;
        }
        return login(request, client, login.username(), login.groups());
    }

    /** A workspace API token, as the OpenAI SDKs send their key, or a tool's JWT from the OpenID Connect provider. */
    private AuthStatus bearer(String token, HttpServletRequest request, HttpServletResponse response, Subject client)
            throws AuthException {
        if (machineTokens.accepts(token)) {
            var machine = machineTokens.authenticate(token);
            if (machine.isEmpty()) {
                unauthorized(request, response);
                return AuthStatus.SEND_FAILURE;
            }
            // the same principal shape as a workspace token's: token:<workspace>:<id>:<name>
            return login(request, client, CurrentCaller.TOKEN_PRINCIPAL + machine.get().workspaceId() + ":oidc:" + machine.get().clientId(),
                    Set.of(Roles.WORKSPACE_TOKEN));
        }
        java.util.Optional<ApiTokenService.TokenIdentity> identity;
        try {
            identity = tokens.authenticate(token);
            if (identity.isEmpty()) {
                signIn.tokenFailed(request);
            }
        } catch (ProblemException refused) {
            refuse(request, response, refused);
            return AuthStatus.SEND_FAILURE;
        } catch (RuntimeException e) {
            if (!com.chatgptconnector.persistence.DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            refuse(request, response, new ProblemException(ErrorCode.DATABASE_UNAVAILABLE, Map.of("retryAfterSeconds", 5)));
            return AuthStatus.SEND_FAILURE;
        }
        if (identity.isEmpty()) {
            unauthorized(request, response);
            return AuthStatus.SEND_FAILURE;
        }
        var id = identity.get();
        return login(request, client, CurrentCaller.TOKEN_PRINCIPAL + id.workspaceId() + ":" + id.id() + ":" + id.name(),
                Set.of(Roles.WORKSPACE_TOKEN));
    }

    /** Tells the container who the caller is, and keeps it for the role checks. */
    private AuthStatus login(HttpServletRequest request, Subject client, String name, Set<String> groups) throws AuthException {
        notifyContainer(new CallerPrincipalCallback(client, name), new GroupPrincipalCallback(client, groups.toArray(String[]::new)));
        request.setAttribute(AuthenticatedCaller.ATTRIBUTE, new AuthenticatedCaller(name, Set.copyOf(groups)));
        return AuthStatus.SUCCESS;
    }

    /** No credentials: the request goes on without a caller, and role checks refuse it where one is needed. */
    private AuthStatus anonymous(Subject client) throws AuthException {
        notifyContainer(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    private void notifyContainer(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            // fail closed: a caller the container did not take is not signed in
            AuthException failure = new AuthException("The container refused the caller");
            failure.initCause(e);
            throw failure;
        }
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response) {
        Response problem = request.getRequestURI().contains("/openai/v1/")
                // the OpenAI-compatible endpoint answers as OpenAI does, so SDKs raise their own error
                ? OpenAiEnvelope.builder(401, "Invalid or revoked API token.", "invalid_request_error", null, "invalid_api_key",
                        RequestIds.next()).header("x-should-retry", "false").build()
                : Problems.response(ErrorCode.UNAUTHORIZED, Messages.pick(Collections.list(request.getLocales())), Map.of());
        if (request.getHeader(WebSession.PAGE_HEADER) == null) {
            // the web pages sign in with a form: a Basic challenge would pop up the browser's dialog
            response.setHeader("WWW-Authenticate", "Basic realm=\"chatgpt-connector\", charset=\"UTF-8\"");
        }
        write(request, response, problem);
    }

    /** A sign-in that must wait, or cannot be checked: problem+json, OpenAI's envelope under openai/v1. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException refused) {
        Response problem = request.getRequestURI().contains("/openai/v1/")
                ? OpenAiEnvelope.of(refused, RequestIds.next())
                : Problems.response(refused.code(), Messages.pick(Collections.list(request.getLocales())), refused.extensions(),
                        refused.detailArgs());
        write(request, response, problem);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Response problem) {
        try {
            response.setStatus(problem.getStatus());
            problem.getStringHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(value -> response.addHeader(name, value));
                }
            });
            response.setContentType(problem.getMediaType().toString());
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write((String) problem.getEntity());
            response.flushBuffer();
        } catch (IOException clientGone) {
            // nothing left to tell a client that hung up
        }
    }
}
