package com.chatgptconnector.boundary.security;

import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.ApiTokenService;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Grant;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A workspace's API tokens for internal tools: created (shown once), listed, revoked by its admin. */
@Path("workspaces/{ws}/chatgpt/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.OPERATOR})
public class ApiTokenResource {

    // A class, not a record: Payara 6.2025's OpenAPI generator fails on constraints that a record
    // also puts on its constructor parameters (payara/Payara#7649).
    public static class CreateToken {
        @NotBlank
        @Size(max = 100)
        public String name;
    }

    @Inject
    WorkspaceAccess access;

    @Inject
    ApiTokenService tokens;

    @Inject
    RequestBodies bodies;

    @GET
    public List<ApiTokenService.TokenView> list(@PathParam("ws") String ws) {
        access.require(ws, Rule.ADMIN);
        return tokens.list(ws);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String ws, CreateToken body) {
        Grant grant = access.require(ws, Rule.ADMIN);
        CreateToken request = bodies.valid(body);
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(tokens.create(ws, request.name.strip(), grant.actor())).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("ws") String ws, @PathParam("id") String id) {
        Grant grant = access.require(ws, Rule.ADMIN);
        tokens.revoke(ws, id, grant.actor());
        return Response.noContent().build();
    }
}
