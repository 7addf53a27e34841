package com.chatgptconnector.workspace;

/** A member's role inside one workspace. */
public enum WorkspaceRole {
    ADMIN, MEMBER;

    public boolean includes(WorkspaceRole required) {
        return this == ADMIN || required == MEMBER;
    }
}
