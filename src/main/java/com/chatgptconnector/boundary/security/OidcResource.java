package com.chatgptconnector.boundary.security;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web pages' way to the OpenID Connect provider and back (issue 31): the sign-in page asks
 * whether single sign-on is set up, its button opens {@code sign-in}, the provider sends the
 * browser back to {@code callback}, which lands on the pages signed in. A failed sign-in lands
 * on the sign-in page with {@code ?sso=failed}; why is in the server log, never in the URL.
 */
@Path("oidc")
@RequestScoped
public class OidcResource {

    /** What the sign-in page shows. */
    public record Options(boolean enabled, String provider, boolean passwordSignIn) {
    }

    private static final Logger LOG = Logger.getLogger(OidcResource.class.getName());

    @Inject
    OidcSignIn signIn;

    @Inject
    @ConfigProperty(name = "connector.auth.password-sign-in", defaultValue = "true")
    boolean passwordSignIn;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Options options() {
        return new Options(signIn.enabled(), signIn.enabled() ? signIn.providerName() : null, passwordSignIn);
    }

    @GET
    @Path("sign-in")
    @PermitAll
    public Response begin() {
        if (!signIn.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND);
        }
        try {
            return Response.seeOther(signIn.begin(request, response)).header("Cache-Control", "no-store").build();
        } catch (OidcProvider.ProviderException e) {
            LOG.log(Level.WARNING, "OpenID Connect sign-in could not start: {0}", e.getMessage());
            return failed();
        }
    }

    @GET
    @Path("callback")
    @PermitAll
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state, @QueryParam("error") String error) {
        if (!signIn.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND);
        }
        if (error != null) {
            LOG.log(Level.INFO, "OpenID Connect sign-in refused by the provider: {0}", error);
            return failed();
        }
        try {
            signIn.complete(request, response, code, state);
            return Response.seeOther(URI.create(OidcSignIn.base(request))).header("Cache-Control", "no-store").build();
        } catch (OidcProvider.ProviderException | ProblemException | IllegalStateException e) {
            LOG.log(Level.WARNING, "OpenID Connect sign-in failed: {0}", e.getMessage());
            return failed();
        }
    }

    private Response failed() {
        return Response.seeOther(URI.create(OidcSignIn.base(request) + "?sso=failed")).header("Cache-Control", "no-store").build();
    }
}
