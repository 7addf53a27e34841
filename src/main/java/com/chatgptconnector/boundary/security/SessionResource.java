package com.chatgptconnector.boundary.security;

import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * Sign-in for the web pages: a form posts username and password, the session remembers the
 * user, and the answer carries the session's CSRF token. The REST API keeps working with HTTP
 * Basic and tokens; this only adds a cookie-based way in for browsers.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    // A class, not a record: Payara 6.2025's OpenAPI generator fails on constraints that a record
    // also puts on its constructor parameters (payara/Payara#7649).
    public static class SignIn {
        @NotNull
        public String username;

        @NotNull
        public String password;

        @Override
        public String toString() {
            return "SignIn[username=" + username + "]";
        }
    }

    public record SessionView(String username, boolean operator, String csrfToken) {
    }

    @Inject
    ThrottledSignIn signIn;

    @Inject
    RequestBodies bodies;

    @Inject
    OidcSignIn sso;

    @Inject
    WebSessions sessions;

    /** After signing out of a single sign-on session: where the browser goes to end the provider's session too. */
    public record SignedOut(String endSessionUrl) {
    }

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView signIn(SignIn body) {
        SignIn form = bodies.valid(body);
        CredentialValidationResult result = signIn.validate(new UsernamePasswordCredential(form.username, form.password), request);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // the sign-in form says what went wrong, not "authentication required"
            throw new ProblemException(ErrorCode.UNAUTHORIZED, Map.of("reason", "wrong_credentials"));
        }
        WebSession.Login login = new WebSession.Login(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()),
                WebSession.newCsrfToken());
        // a new session id at sign-in: a session id planted before cannot be taken over
        sessions.start(request, response, login);
        return view(login);
    }

    @GET
    @PermitAll
    public SessionView current() {
        return view(sessions.find(request).orElseThrow(() -> new ProblemException(ErrorCode.UNAUTHORIZED)));
    }

    @DELETE
    @PermitAll
    public Response signOut() {
        var ended = sessions.end(request, response);
        if (ended.isPresent()) {
            // RP-initiated logout: the pages follow the URL, and the provider's session ends as well
            var endSession = sso.endSession(request, ended.get());
            if (endSession.isPresent()) {
                return Response.ok(new SignedOut(endSession.get().toString())).build();
            }
        }
        return Response.noContent().build();
    }

    private static SessionView view(WebSession.Login login) {
        return new SessionView(login.username(), login.groups().contains(Roles.OPERATOR), login.csrfToken());
    }
}
