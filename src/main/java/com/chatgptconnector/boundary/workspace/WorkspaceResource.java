package com.chatgptconnector.boundary.workspace;

import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.CurrentCaller;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.workspace.WorkspaceService;
import com.chatgptconnector.workspace.WorkspaceSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

@Path("workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    // A class, not a record: Payara 6.2025's OpenAPI generator fails on constraints that a record
    // also puts on its constructor parameters (payara/Payara#7649).
    public static class CreateWorkspace {
        @NotBlank
        @Size(max = 200)
        public String name;

        /** Optional: this user becomes the first admin, in the same transaction (docs/api.md). */
        @Size(max = 100)
        public String adminUsername;
    }

    @Inject
    WorkspaceService service;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestBodies bodies;

    /** The caller's workspaces (an operator's: all); {@code ?chatgptStatus=REQUESTED} lists open requests. */
    @GET
    @RolesAllowed({Roles.USER, Roles.OPERATOR})
    public List<WorkspaceSummary> list(@QueryParam("chatgptStatus") String chatgptStatus) {
        return service.list(caller.get(), chatgptStatus);
    }

    /**
     * Creates a workspace, and with {@code adminUsername} its first admin: both or neither, so an
     * unknown username (404 {@code user_not_found}) leaves no workspace without an admin behind.
     */
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateWorkspace body, @Context UriInfo uri) {
        CreateWorkspace request = bodies.valid(body);
        WorkspaceSummary created = service.create(request.name, request.adminUsername, caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }
}
