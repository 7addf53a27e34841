package com.chatgptconnector.identity;

import com.chatgptconnector.workspace.Workspace;
import com.chatgptconnector.workspace.WorkspaceAccess;

/**
 * The global Jakarta Security roles. Workspace roles (ADMIN, MEMBER) are data, checked per
 * workspace by {@code WorkspaceAccess}; these two only say who the caller is.
 */
public final class Roles {

    /** The vendor's support staff. */
    public static final String OPERATOR = "operator";
    /** Every signed-in person. */
    public static final String USER = "user";
    /** An internal tool with a workspace API token: the OpenAI-compatible endpoint of one workspace only. */
    public static final String WORKSPACE_TOKEN = "workspace-token";

    private Roles() {
    }
}
