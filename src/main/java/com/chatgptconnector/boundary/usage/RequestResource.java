package com.chatgptconnector.boundary.usage;

import com.chatgptconnector.block.BlockService;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.usage.RequestCursor;
import com.chatgptconnector.usage.RequestFilter;
import com.chatgptconnector.usage.RequestPage;
import com.chatgptconnector.usage.UsageService;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A workspace's latest requests toward OpenAI, newest first, for its admins and operators:
 * {@code ?outcome=ok|error|<code>} filters, {@code ?limit=} sizes the page (at most 200),
 * {@code ?before=} is the {@code next} of the previous page.
 */
@Path("workspaces/{ws}/chatgpt/requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    @Inject
    WorkspaceAccess access;

    @Inject
    UsageService usage;

    @Inject
    BlockService blocks;

    @GET
    @RolesAllowed({Roles.USER, Roles.OPERATOR})
    public RequestPage list(@PathParam("ws") String ws, @QueryParam("outcome") String outcome,
                            @QueryParam("before") String before, @QueryParam("limit") @DefaultValue("50") int limit) {
        access.require(ws, Rule.ADMIN_OR_OPERATOR);
        return usage.requests(ws, RequestFilter.parse(outcome, "outcome"), RequestCursor.parse(before, "before"), limit,
                blocks.names(ws));
    }
}
