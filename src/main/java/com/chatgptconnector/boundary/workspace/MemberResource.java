package com.chatgptconnector.boundary.workspace;

import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.workspace.MemberView;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Grant;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import com.chatgptconnector.workspace.WorkspaceRole;
import com.chatgptconnector.workspace.WorkspaceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Members of a workspace: managed by its admins and by operators. */
@Path("workspaces/{ws}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.OPERATOR})
public class MemberResource {

    // A class, not a record: Payara 6.2025's OpenAPI generator fails on constraints that a record
    // also puts on its constructor parameters (payara/Payara#7649).
    public static class MemberRequest {
        @NotNull
        public WorkspaceRole role;
    }

    @Inject
    WorkspaceAccess access;

    @Inject
    WorkspaceService service;

    @Inject
    RequestBodies bodies;

    @GET
    public List<MemberView> list(@PathParam("ws") String ws) {
        access.require(ws, Rule.ADMIN_OR_OPERATOR);
        return service.members(ws);
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("ws") String ws, @PathParam("username") String username,
                        MemberRequest body) {
        MemberRequest request = bodies.valid(body);
        Grant grant = access.require(ws, Rule.ADMIN_OR_OPERATOR);
        boolean added = service.putMember(ws, username, request.role, grant.caller());
        MemberView view = service.members(ws).stream().filter(m -> m.username().equals(username)).findFirst().orElseThrow();
        return Response.status(added ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @DELETE
    @Path("{username}")
    public Response remove(@PathParam("ws") String ws, @PathParam("username") String username) {
        Grant grant = access.require(ws, Rule.ADMIN_OR_OPERATOR);
        service.removeMember(ws, username, grant.caller());
        return Response.noContent().build();
    }
}
