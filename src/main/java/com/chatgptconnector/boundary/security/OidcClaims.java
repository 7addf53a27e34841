package com.chatgptconnector.boundary.security;

import com.chatgptconnector.workspace.WorkspaceRole;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider's claims say about a person, read the same way at sign-in and at every token
 * refresh: free of I/O, so the mapping of every provider's shape is unit-tested. A claim name may
 * be a path into nested objects ({@code realm_access.roles} in Keycloak); a claim may be a list
 * or one string (Okta and Entra send either).
 */
record OidcClaims(String subject, String username, boolean operator, Set<String> groups, Optional<Map<String, WorkspaceRole>> workspaces) {

    static OidcClaims of(Map<String, Object> claims, OidcSettings settings) {
        String subject = String.valueOf(claims.get("sub"));
        String username = first(claims, settings.usernameClaim()).orElse(subject);
        Set<String> groups = Set.copyOf(values(claims, settings.groupsClaim()));
        boolean operator = groups.stream().anyMatch(settings.operatorGroups()::contains);
        Optional<Map<String, WorkspaceRole>> workspaces = settings.membershipSource() == OidcSettings.MembershipSource.CLAIM
                ? Optional.of(OidcSettings.parseMemberships(values(claims, settings.workspacesClaim())))
                : Optional.empty();
        return new OidcClaims(subject, username, operator, groups, workspaces);
    }

    static Optional<String> first(Map<String, Object> claims, String path) {
        return values(claims, path).stream().findFirst();
    }

    /** The strings at a dot path; none where it leads nowhere. */
    static List<String> values(Map<String, Object> claims, String path) {
        Object node = claims;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(part);
        }
        if (node instanceof Collection<?> many) {
            return many.stream().filter(v -> v != null).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (node == null || String.valueOf(node).isBlank()) {
            return List.of();
        }
        return List.of(String.valueOf(node).strip());
    }
}
