package com.chatgptconnector.security;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * HTTP Basic for the REST API. Unlike the built-in Basic mechanism, a wrong password answers
 * with a problem detail rather than the server's HTML error page, and a request without
 * credentials passes through anonymously: each resource method declares its roles, and
 * {@link RoleEnforcementFeature} refuses anonymous callers where a role is needed.
 */
@ApplicationScoped
public class ConnectorAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ApiTokenService tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).trim(), request, response, context);
        }
        if (authorization == null) {
            return session(request, response, context);
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = decode(authorization.substring(6).trim());
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return login(request, context, result.getCallerPrincipal().getName(), result.getCallerGroups());
            }
        }
        unauthorized(request, response);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The web pages' signed-in session. Cookies are sent by the browser on its own, so every
     * state-changing request must also carry the session's CSRF token in {@code X-CSRF-Token}.
     */
    private AuthenticationStatus session(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        WebSession.Login login = session == null ? null : (WebSession.Login) session.getAttribute(WebSession.LOGIN);
        if (login == null) {
            return context.doNothing();
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
            return AuthenticationStatus.SEND_FAILURE;
        }
        return login(request, context, login.username(), login.groups());
    }

    /** A workspace API token, as the OpenAI SDKs send their key. */
    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        var identity = tokens.authenticate(token);
        if (identity.isEmpty()) {
            unauthorized(request, response);
            return AuthenticationStatus.SEND_FAILURE;
        }
        var id = identity.get();
        return login(request, context, CurrentCaller.TOKEN_PRINCIPAL + id.workspaceId() + ":" + id.id() + ":" + id.name(),
                Set.of(Roles.WORKSPACE_TOKEN));
    }

    /** Signs the caller in with the container and keeps who it is for the role checks. */
    private static AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, String name, Set<String> groups) {
        AuthenticationStatus status = context.notifyContainerAboutLogin(name, groups);
        if (status == AuthenticationStatus.SUCCESS) {
            request.setAttribute(AuthenticatedCaller.ATTRIBUTE, new AuthenticatedCaller(name, Set.copyOf(groups)));
        }
        return status;
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
                ? com.chatgptconnector.openai.OpenAiEnvelope.response(401, "Invalid or revoked API token.", "invalid_request_error", "invalid_api_key")
                : Problems.response(ErrorCode.UNAUTHORIZED, Messages.pick(Collections.list(request.getLocales())), Map.of());
        if (request.getHeader(WebSession.PAGE_HEADER) == null) {
            // the web pages sign in with a form: a Basic challenge would pop up the browser's dialog
            response.setHeader("WWW-Authenticate", "Basic realm=\"chatgpt-connector\", charset=\"UTF-8\"");
        }
        write(request, response, problem);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Response problem) {
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(problem.getMediaType().toString());
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write((String) problem.getEntity());
            response.flushBuffer();
        } catch (IOException clientGone) {
            // nothing left to tell a client that hung up
        }
    }
}
