package com.chatgptconnector.workspace;

import com.chatgptconnector.identity.Caller;
import com.chatgptconnector.identity.CurrentCaller;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The workspace scoping rules of the design's role table, in one place. A caller who is not a
 * member of a workspace (and not an operator where operators may act) learns nothing about it:
 * the answer is 404, the same as for a workspace that does not exist.
 */
@ApplicationScoped
public class WorkspaceAccess {

    /** Who may use an endpoint of a workspace. */
    public enum Rule {
        MEMBER(WorkspaceRole.MEMBER, false),
        MEMBER_OR_OPERATOR(WorkspaceRole.MEMBER, true),
        ADMIN(WorkspaceRole.ADMIN, false),
        ADMIN_OR_OPERATOR(WorkspaceRole.ADMIN, true),
        OPERATOR(null, true);

        final WorkspaceRole role;
        final boolean operator;

        Rule(WorkspaceRole role, boolean operator) {
            this.role = role;
            this.operator = operator;
        }
    }

    /** The outcome of a granted check: the workspace, the caller and their role in it (or null). */
    public record Grant(String workspaceId, Caller caller, WorkspaceRole role) {

        public String actor() {
            return caller.username();
        }
    }

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    CurrentCaller currentCaller;

    public Grant require(String workspaceId, Rule rule) {
        Caller caller = currentCaller.get();
        if (caller.isToken()) {
            // a token acts as a member of its own workspace, and knows of no other
            if (!caller.tokenWorkspaceId().equals(workspaceId)) {
                throw new ProblemException(ErrorCode.WORKSPACE_NOT_FOUND, workspaceId);
            }
            // the token was just found in the database, and is deleted with its workspace: no lookup
            decide(rule, false, WorkspaceRole.MEMBER, workspaceId);
            return new Grant(workspaceId, caller, WorkspaceRole.MEMBER);
        }
        WorkspaceRole role = workspaces.roleOf(workspaceId, caller.username()).orElse(null);
        // a membership row exists only for an existing workspace (foreign key): only a caller
        // without one needs the workspace looked up, which saves members a read on every call
        if (role == null && workspaces.find(workspaceId).isEmpty()) {
            throw new ProblemException(ErrorCode.WORKSPACE_NOT_FOUND, workspaceId);
        }
        decide(rule, caller.operator(), role, workspaceId);
        return new Grant(workspaceId, caller, role);
    }

    /** The decision alone, free of I/O, so the whole matrix is unit-tested. */
    static void decide(Rule rule, boolean operator, WorkspaceRole role, String workspaceId) {
        if (operator && rule.operator) {
            return;
        }
        if (role == null && !operator) {
            throw new ProblemException(ErrorCode.WORKSPACE_NOT_FOUND, workspaceId);
        }
        if (role == null || rule.role == null || !role.includes(rule.role)) {
            throw new ProblemException(ErrorCode.FORBIDDEN);
        }
    }
}
