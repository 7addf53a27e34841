package com.chatgptconnector.boundary.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.workspace.WorkspaceRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the claims of Keycloak, Entra ID and Okta become a user, the operator role and memberships. */
class OidcClaimsTest {

    static OidcSettings settings(String groupsClaim, String operatorGroups, String membershipSource) {
        OidcSettings s = new OidcSettings();
        s.issuer = Optional.of("https://id.example.com/realms/company");
        s.providerName = Optional.empty();
        s.clientId = Optional.of("connector");
        s.clientSecret = Optional.of("secret");
        s.scopes = "profile email";
        s.redirectUri = Optional.empty();
        s.postLogoutRedirectUri = Optional.empty();
        s.usernameClaim = "preferred_username";
        s.groupsClaim = groupsClaim;
        s.operatorGroups = operatorGroups;
        s.membershipSource = membershipSource;
        s.workspacesClaim = "connector_workspaces";
        s.bearerAudience = Optional.empty();
        s.bearerClientClaim = "azp";
        s.bearerClients = " ";
        s.clockSkew = Duration.ofSeconds(30);
        s.httpTimeout = Duration.ofSeconds(5);
        return s;
    }

    @Test
    void keycloakGroupsMakeAnOperator() {
        OidcClaims claims = OidcClaims.of(Map.of("sub", "s-1", "preferred_username", "olivia", "groups", List.of("staff", "connector-operators")),
                settings("groups", "connector-operators", "table"));
        assertEquals("olivia", claims.username());
        assertEquals("s-1", claims.subject());
        assertTrue(claims.operator());
        assertTrue(claims.workspaces().isEmpty(), "memberships come from the table");
    }

    @Test
    void nestedRealmRolesAndASingleStringCount() {
        OidcSettings s = settings("realm_access.roles", "ops, connector-operators", "table");
        assertTrue(OidcClaims.of(Map.of("sub", "s", "realm_access", Map.of("roles", List.of("ops"))), s).operator());
        assertTrue(OidcClaims.of(Map.of("sub", "s", "realm_access", Map.of("roles", "connector-operators")), s).operator());
        assertFalse(OidcClaims.of(Map.of("sub", "s", "realm_access", "not an object"), s).operator());
        assertFalse(OidcClaims.of(Map.of("sub", "s"), s).operator(), "no claim, no role");
    }

    @Test
    void withoutAUsernameClaimTheSubjectIsTheName() {
        assertEquals("00u1", OidcClaims.of(Map.of("sub", "00u1"), settings("groups", "x", "table")).username());
    }

    @Test
    void entraGroupIdsAreMatchedAsTheyAre() {
        OidcClaims claims = OidcClaims.of(Map.of("sub", "s", "groups", List.of("5f2b0c3e-aaaa-bbbb-cccc-0123456789ab")),
                settings("groups", "5f2b0c3e-aaaa-bbbb-cccc-0123456789ab", "table"));
        assertTrue(claims.operator());
    }

    @Test
    void workspaceClaimGrantsAdminOrMemberByIdOrName() {
        OidcClaims claims = OidcClaims.of(Map.of("sub", "s", "connector_workspaces",
                        List.of("Sales=ADMIN", "Marketing:member", "Support", "Legal=OWNER", "Sales=MEMBER")),
                settings("groups", "x", "claim"));
        Map<String, WorkspaceRole> workspaces = claims.workspaces().orElseThrow();
        assertEquals(Map.of("Sales", WorkspaceRole.ADMIN, "Marketing", WorkspaceRole.MEMBER, "Support", WorkspaceRole.MEMBER), workspaces,
                "an unknown role is no grant; the higher of two roles wins");
    }

    @Test
    void bearerClientsMapToWorkspaces() {
        Map<String, OidcSettings.BearerClient> clients = OidcSettings.parseClients("reporting-tool=Company reporting, etl = 3f1e-uuid ,");
        assertEquals(new OidcSettings.BearerClient("reporting-tool", "Company reporting"), clients.get("reporting-tool"));
        assertEquals("3f1e-uuid", clients.get("etl").workspace());
        assertEquals(Map.of(), OidcSettings.parseClients(" "));
        assertThrows(IllegalArgumentException.class, () -> OidcSettings.parseClients("no-workspace="));
    }

    @Test
    void openidIsAlwaysAScopeAndTheAudienceIsTheClientUnlessSet() {
        OidcSettings s = settings("groups", "x", "table");
        assertEquals(List.of("openid", "profile", "email"), s.scopes());
        assertEquals("connector", s.bearerAudience());
        assertEquals("id.example.com", s.providerName());
        s.bearerAudience = Optional.of("api://connector");
        assertEquals("api://connector", s.bearerAudience());
    }
}
