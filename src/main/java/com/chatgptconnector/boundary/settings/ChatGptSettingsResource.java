package com.chatgptconnector.boundary.settings;

import com.chatgptconnector.boundary.problem.Problems;
import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.openai.OpenAiCredentials;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.settings.ChatGptSettingsService;
import com.chatgptconnector.settings.ConnectionTestResult;
import com.chatgptconnector.settings.ConnectionTestService;
import com.chatgptconnector.settings.CredentialsValidator;
import com.chatgptconnector.settings.CredentialsValidator.Credentials;
import com.chatgptconnector.settings.KeySource;
import com.chatgptconnector.settings.SettingsLifecycle.Transition;
import com.chatgptconnector.settings.SettingsView;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Grant;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * A workspace's ChatGPT settings: the activation lifecycle and the credentials. Every answer
 * carries the settings version as {@code ETag}; changes to the credentials must send it back
 * as {@code If-Match}, so a stale form never overwrites a newer key.
 */
@Path("workspaces/{ws}/chatgpt")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.OPERATOR})
public class ChatGptSettingsResource {

    /** What the key form sends. {@code toString} never shows the key (it may end up in a log). */
    public record CredentialsRequest(String apiKey, String organizationId, String projectId) {
        @Override
        public String toString() {
            return "CredentialsRequest[apiKey=***, organizationId=" + organizationId + ", projectId=" + projectId + "]";
        }
    }

    @Inject
    WorkspaceAccess access;

    @Inject
    ChatGptSettingsService service;

    @Inject
    ConnectionTestService connectionTests;

    @Inject
    com.chatgptconnector.boundary.problem.RequestBodies bodies;

    @GET
    public Response get(@PathParam("ws") String ws) {
        access.require(ws, Rule.MEMBER_OR_OPERATOR);
        return ok(service.view(ws));
    }

    @POST
    @Path("activation-request")
    public Response requestActivation(@PathParam("ws") String ws, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(ws, Rule.ADMIN, Transition.REQUEST_ACTIVATION, ifMatch);
    }

    @POST
    @Path("activation")
    @RolesAllowed(Roles.OPERATOR)
    public Response activate(@PathParam("ws") String ws, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(ws, Rule.OPERATOR, Transition.ACTIVATE, ifMatch);
    }

    @POST
    @Path("suspension")
    @RolesAllowed(Roles.OPERATOR)
    public Response suspend(@PathParam("ws") String ws, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(ws, Rule.OPERATOR, Transition.SUSPEND, ifMatch);
    }

    @DELETE
    @Path("activation")
    @RolesAllowed(Roles.OPERATOR)
    public Response deactivate(@PathParam("ws") String ws, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return transition(ws, Rule.OPERATOR, Transition.DEACTIVATE, ifMatch);
    }

    /**
     * Stores or replaces the key. An operator stores a vendor-provided key; a workspace admin
     * the workspace's own. Unless {@code ?verify=false}, the key is first checked against OpenAI.
     */
    @PUT
    @Path("credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putCredentials(@PathParam("ws") String ws, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @QueryParam("verify") @DefaultValue("true") boolean verify,
                                   @Context HttpHeaders headers, CredentialsRequest request) {
        if (request == null) {
            throw ValidationException.of("body", "required");
        }
        Grant grant = access.require(ws, Rule.ADMIN_OR_OPERATOR);
        long expected = IfMatch.parse(ifMatch, true);
        Credentials credentials = CredentialsValidator.validate(request.apiKey(), request.organizationId(), request.projectId());
        KeySource source = grant.caller().operator() ? KeySource.VENDOR : KeySource.WORKSPACE;
        ConnectionTestResult verification = null;
        if (verify) {
            service.requireWritable(ws, expected);
            verification = verify(ws, new OpenAiCredentials(credentials.apiKey(), credentials.organizationId(),
                    credentials.projectId()), Messages.pick(headers.getAcceptableLanguages()));
        }
        return ok(service.storeCredentials(ws, credentials, source, expected, grant.actor()).withVerification(verification));
    }

    /**
     * A key OpenAI rejects is not stored (the classified 424 goes back). Any other failure — no
     * credit yet, a rate limit, OpenAI down — says nothing against the key: it is stored, and the
     * answer says what the check found.
     */
    private ConnectionTestResult verify(String ws, OpenAiCredentials candidate, Locale locale) {
        try {
            return connectionTests.test(ws, candidate, locale);
        } catch (OpenAiException e) {
            if (e.code() == ErrorCode.API_KEY_INVALID) {
                throw e;
            }
            return new ConnectionTestResult(false, e.code().code(), null, e.failure().missingPermission(),
                    e.failure().openaiRequestId(), Problems.detail(e.code(), locale, e.extensions()));
        }
    }

    /**
     * The workspace's policy: {@code tokenLimit} (tokens a month, null for none) and
     * {@code allowedModels} (empty for all). Guarded by {@code If-Match} like the credentials.
     */
    @PUT
    @Path("policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putPolicy(@PathParam("ws") String ws, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PolicyRequest body) {
        Grant grant = access.require(ws, Rule.ADMIN);
        long expected = IfMatch.parse(ifMatch, true);
        PolicyRequest request = bodies.valid(body);
        return ok(service.updatePolicy(ws, request.tokenLimit, request.allowedModels == null ? List.of()
                : request.allowedModels.stream().map(String::strip).filter(m -> !m.isEmpty()).distinct().toList(), expected, grant.actor()));
    }

    // A class, not a record: Payara 6.2025's OpenAPI generator fails on constraints that a record
    // also puts on its constructor parameters (payara/Payara#7649).
    public static class PolicyRequest {
        @jakarta.validation.constraints.PositiveOrZero
        public Long tokenLimit;

        @jakarta.validation.constraints.Size(max = 50)
        public List<@jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String> allowedModels;
    }

    @DELETE
    @Path("credentials")
    public Response deleteCredentials(@PathParam("ws") String ws, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Grant grant = access.require(ws, Rule.ADMIN_OR_OPERATOR);
        return ok(service.removeCredentials(ws, IfMatch.parse(ifMatch, false), grant.actor()));
    }

    private Response transition(String ws, Rule rule, Transition transition, String ifMatch) {
        Grant grant = access.require(ws, rule);
        return ok(service.transition(ws, transition, IfMatch.parse(ifMatch, false), grant.actor()));
    }

    private static Response ok(SettingsView view) {
        return Response.ok(view).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(view.version()))).build();
    }
}
