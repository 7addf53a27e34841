package com.chatgptconnector.identity;

/**
 * Who is calling: a username and whether they are an operator, or a workspace API token
 * ({@code tokenWorkspaceId} set, {@code username} is {@code token:<name>}).
 */
public record Caller(String username, boolean operator, String tokenWorkspaceId) {

    public Caller(String username, boolean operator) {
        this(username, operator, null);
    }

    public boolean isToken() {
        return tokenWorkspaceId != null;
    }
}
