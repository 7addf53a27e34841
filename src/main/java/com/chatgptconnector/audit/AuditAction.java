package com.chatgptconnector.audit;

/** What happened to a workspace's ChatGPT settings or membership. Stable names: clients filter on them. */
public enum AuditAction {
    WORKSPACE_CREATED,
    MEMBER_ADDED,
    MEMBER_ROLE_CHANGED,
    MEMBER_REMOVED,
    ACTIVATION_REQUESTED,
    ACTIVATED,
    SUSPENDED,
    DEACTIVATED,
    KEY_STORED,
    KEY_REPLACED,
    KEY_REMOVED,
    KEY_REENCRYPTED,
    KEY_UNREADABLE,
    POLICY_CHANGED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    BLOCK_CREATED,
    BLOCK_CHANGED,
    BLOCK_DELETED,
    /** Sign-ins of an account or from a client address locked for a while (issue 29); kept under workspace {@code system}. */
    SIGN_IN_LOCKED
}
