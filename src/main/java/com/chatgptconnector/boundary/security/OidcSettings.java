package com.chatgptconnector.boundary.security;

import com.chatgptconnector.workspace.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Connect provider's settings (issue 31), all MicroProfile Config keys
 * {@code connector.oidc.*} (docs/configuration.md). Without {@code connector.oidc.issuer} single
 * sign-on is off and nothing of it runs: no discovery, no JWKS, and Bearer tokens other than
 * {@code cct_} ones are refused as before.
 */
@ApplicationScoped
public class OidcSettings {

    /** Where workspace memberships of a provider's user come from. */
    public enum MembershipSource { TABLE, CLAIM }

    /** What a mapped client-credentials client may do: a workspace, as a {@code cct_} token of it. */
    public record BearerClient(String clientId, String workspace) {
    }

    @Inject
    @ConfigProperty(name = "connector.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "connector.oidc.provider-name")
    Optional<String> providerName;

    @Inject
    @ConfigProperty(name = "connector.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "connector.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "connector.oidc.scopes", defaultValue = "openid profile email")
    String scopes;

    @Inject
    @ConfigProperty(name = "connector.oidc.redirect-uri")
    Optional<URI> redirectUri;

    @Inject
    @ConfigProperty(name = "connector.oidc.post-logout-redirect-uri")
    Optional<URI> postLogoutRedirectUri;

    @Inject
    @ConfigProperty(name = "connector.oidc.claim.username", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "connector.oidc.claim.groups", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "connector.oidc.operator-groups", defaultValue = "connector-operators")
    String operatorGroups;

    @Inject
    @ConfigProperty(name = "connector.oidc.membership-source", defaultValue = "table")
    String membershipSource;

    @Inject
    @ConfigProperty(name = "connector.oidc.claim.workspaces", defaultValue = "connector_workspaces")
    String workspacesClaim;

    @Inject
    @ConfigProperty(name = "connector.oidc.bearer.audience")
    Optional<String> bearerAudience;

    @Inject
    @ConfigProperty(name = "connector.oidc.bearer.client-claim", defaultValue = "azp")
    String bearerClientClaim;

    @Inject
    @ConfigProperty(name = "connector.oidc.bearer.clients", defaultValue = " ")
    String bearerClients;

    @Inject
    @ConfigProperty(name = "connector.oidc.clock-skew", defaultValue = "PT30S")
    Duration clockSkew;

    @Inject
    @ConfigProperty(name = "connector.oidc.http-timeout", defaultValue = "PT5S")
    Duration httpTimeout;

    public boolean enabled() {
        return issuer().isPresent();
    }

    public Optional<String> issuer() {
        return issuer.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The provider's name on the sign-in page and in audit events: the issuer's host unless named. */
    public String providerName() {
        return providerName.map(String::strip).filter(s -> !s.isEmpty())
                .orElseGet(() -> issuer().map(i -> Optional.ofNullable(URI.create(i).getHost()).orElse(i)).orElse(""));
    }

    public String clientId() {
        return clientId.map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalStateException("connector.oidc.client-id is needed with connector.oidc.issuer"));
    }

    public String clientSecret() {
        return clientSecret.filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalStateException("connector.oidc.client-secret is needed with connector.oidc.issuer"));
    }

    public List<String> scopes() {
        List<String> list = words(scopes);
        return list.contains("openid") ? list : concat("openid", list);
    }

    public Optional<URI> redirectUri() {
        return redirectUri;
    }

    public Optional<URI> postLogoutRedirectUri() {
        return postLogoutRedirectUri;
    }

    public String usernameClaim() {
        return usernameClaim.strip();
    }

    public String groupsClaim() {
        return groupsClaim.strip();
    }

    public Set<String> operatorGroups() {
        return Set.copyOf(words(operatorGroups));
    }

    public MembershipSource membershipSource() {
        return MembershipSource.valueOf(membershipSource.strip().toUpperCase(Locale.ROOT));
    }

    public String workspacesClaim() {
        return workspacesClaim.strip();
    }

    /** The audience a machine token must name: this connector's client id unless set. */
    public String bearerAudience() {
        return bearerAudience.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(this::clientId);
    }

    public String bearerClientClaim() {
        return bearerClientClaim.strip();
    }

    public Map<String, BearerClient> bearerClients() {
        return parseClients(bearerClients);
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public int httpTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, httpTimeout.toMillis());
    }

    /**
     * {@code client=workspace} pairs separated by commas or whitespace; the workspace by its id or
     * its name. A client that is not listed is refused, whatever its token says.
     */
    static Map<String, BearerClient> parseClients(String value) {
        Map<String, BearerClient> clients = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String pair = entry.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("connector.oidc.bearer.clients: '" + pair + "' is not client=workspace");
            }
            String client = pair.substring(0, eq).strip();
            clients.put(client, new BearerClient(client, pair.substring(eq + 1).strip()));
        }
        return Map.copyOf(clients);
    }

    /**
     * The workspace roles a claim grants: entries {@code workspace=ADMIN} or {@code workspace:MEMBER}
     * (id or name; MEMBER when no role is given). Entries of another form are ignored.
     */
    static Map<String, WorkspaceRole> parseMemberships(List<String> entries) {
        Map<String, WorkspaceRole> memberships = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            int sep = Math.max(entry.lastIndexOf('='), entry.lastIndexOf(':'));
            String workspace = sep < 0 ? entry : entry.substring(0, sep).strip();
            String role = sep < 0 ? "MEMBER" : entry.substring(sep + 1).strip().toUpperCase(Locale.ROOT);
            if (workspace.isEmpty()) {
                continue;
            }
            try {
                WorkspaceRole granted = WorkspaceRole.valueOf(role);
                memberships.merge(workspace, granted, (a, b) -> a == WorkspaceRole.ADMIN || b == WorkspaceRole.ADMIN ? WorkspaceRole.ADMIN : a);
            } catch (IllegalArgumentException unknownRole) {
                // not a workspace grant of ours
            }
        }
        return memberships;
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).collect(Collectors.toList());
    }
}
