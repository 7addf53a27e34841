package com.chatgptconnector.boundary.audit;

import com.chatgptconnector.audit.AuditAction;
import com.chatgptconnector.audit.AuditEventView;
import com.chatgptconnector.audit.AuditService;
import com.chatgptconnector.identity.CurrentCaller;
import com.chatgptconnector.identity.SignInThrottle;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.problem.ValidationException;
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
import java.util.List;

@Path("workspaces/{ws}/chatgpt/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    WorkspaceAccess access;

    @Inject
    AuditService audit;

    @Inject
    CurrentCaller caller;

    /** Newest first; {@code ?action=KEY_STORED} filters, {@code ?limit=} caps (at most 500). */
    @GET
    @RolesAllowed({Roles.USER, Roles.OPERATOR})
    public List<AuditEventView> list(@PathParam("ws") String ws, @QueryParam("action") String action,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        if (SignInThrottle.AUDIT_WORKSPACE.equals(ws) && caller.get().operator()) {
            // the sign-in locks (issue 29) belong to no workspace: operators read them here
        } else {
            access.require(ws, Rule.ADMIN_OR_OPERATOR);
        }
        AuditAction filter = null;
        if (action != null && !action.isBlank()) {
            try {
                filter = AuditAction.valueOf(action.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("action", "unknown_action");
            }
        }
        return audit.list(ws, filter, limit).stream().map(AuditEventView::of).toList();
    }
}
