package com.chatgptconnector.boundary.block;

import com.chatgptconnector.block.BlockRunner;
import com.chatgptconnector.block.BlockService;
import com.chatgptconnector.block.BlockView;
import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.boundary.settings.IfMatch;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Grant;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A workspace's building blocks: its admins write them, its members read and run them. */
@Path("workspaces/{ws}/chatgpt/blocks")
@ApplicationScoped // no per-request bean to build: the hot paths run thousands of times a second
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.OPERATOR})
public class BlockResource {

    /** The values for the template's {@code {{variables}}}; numbers and booleans are taken as text. */
    public static class RunRequest {
        public Map<String, Object> variables;
    }

    @Inject
    WorkspaceAccess access;

    @Inject
    BlockService blocks;

    @Inject
    BlockRunner runner;

    @Inject
    RequestBodies bodies;

    @GET
    public List<BlockView> list(@PathParam("ws") String ws) {
        access.require(ws, Rule.MEMBER);
        return blocks.list(ws);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String ws, BlockRequest body, @Context UriInfo uri) {
        Grant grant = access.require(ws, Rule.ADMIN);
        BlockView created = blocks.create(ws, bodies.valid(body).toDefinition(), grant.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(new EntityTag(String.valueOf(created.version()))).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("ws") String ws, @PathParam("id") String id) {
        access.require(ws, Rule.MEMBER);
        BlockView view = BlockView.of(blocks.get(ws, id));
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("ws") String ws, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, BlockRequest body) {
        Grant grant = access.require(ws, Rule.ADMIN);
        long expected = IfMatch.parse(ifMatch, true);
        BlockView view = blocks.update(ws, id, bodies.valid(body).toDefinition(), expected, grant.actor());
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("ws") String ws, @PathParam("id") String id) {
        Grant grant = access.require(ws, Rule.ADMIN);
        blocks.delete(ws, id, grant.actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<BlockRunner.RunResult> run(@PathParam("ws") String ws, @PathParam("id") String id, RunRequest body) {
        Grant grant = access.require(ws, Rule.MEMBER);
        Map<String, String> variables = new HashMap<>();
        if (body != null && body.variables != null) {
            body.variables.forEach((name, value) -> {
                if (value != null) {
                    variables.put(name, String.valueOf(value));
                }
            });
        }
        // the request thread is free while OpenAI answers; a refusal arrives as itself, unwrapped
        CompletableFuture<BlockRunner.RunResult> result = new CompletableFuture<>();
        runner.run(ws, id, variables, grant.actor()).whenComplete((run, error) -> {
            if (error == null) {
                result.complete(run);
            } else {
                result.completeExceptionally(error instanceof CompletionException ? error.getCause() : error);
            }
        });
        return result;
    }
}
