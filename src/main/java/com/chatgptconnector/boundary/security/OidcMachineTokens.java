package com.chatgptconnector.boundary.security;

import com.chatgptconnector.workspace.WorkspaceService;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Internal tools' client-credentials tokens from the OpenID Connect provider, accepted on the
 * OpenAI-compatible endpoint next to {@code cct_} workspace tokens (issue 31). A token counts if
 * its signature verifies against the provider's JWKS and it names our issuer and audience and has
 * not expired ({@link OidcProvider#verifyMachineToken}); its client, named by
 * {@code connector.oidc.bearer.client-claim}, must be mapped to a workspace by
 * {@code connector.oidc.bearer.clients}. The tool then acts as a workspace token of that workspace.
 */
@ApplicationScoped
public class OidcMachineTokens {

    /** A verified and mapped tool: its client id and the workspace it may act in. */
    public record Machine(String clientId, String workspaceId) {
    }

    private static final Logger LOG = Logger.getLogger(OidcMachineTokens.class.getName());
    /** A workspace name's id is looked up once a minute, not on every call. */
    private static final long RESOLVE_NANOS = Duration.ofMinutes(1).toNanos();

    private record Resolved(Optional<String> workspaceId, long at) {
    }

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    @Inject
    WorkspaceService workspaces;

    private volatile Map<String, OidcSettings.BearerClient> clients;
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    /** A JWT (three dot-separated parts) while single sign-on is set up; {@code cct_} tokens never are. */
    boolean accepts(String token) {
        return settings.enabled() && token.chars().filter(c -> c == '.').count() == 2 && token.length() < 16_384;
    }

    Optional<Machine> authenticate(String token) {
        Optional<JWTClaimsSet> claims = provider.verifyMachineToken(token);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Object client = claims.get().getClaim(settings.bearerClientClaim());
        OidcSettings.BearerClient mapped;
        try {
            mapped = client == null ? null : clients().get(String.valueOf(client));
        } catch (IllegalArgumentException misconfigured) {
            // fail closed, and say why where the operator looks
            LOG.log(Level.WARNING, "OpenID Connect: {0}", misconfigured.getMessage());
            return Optional.empty();
        }
        if (mapped == null) {
            LOG.log(Level.FINE, "OpenID Connect: a Bearer JWT of client {0} is mapped to no workspace", client);
            return Optional.empty();
        }
        return workspaceOf(mapped.workspace()).map(id -> new Machine(mapped.clientId(), id));
    }

    private Optional<String> workspaceOf(String idOrName) {
        long now = System.nanoTime();
        Resolved known = resolved.get(idOrName);
        if (known == null || now - known.at() > RESOLVE_NANOS) {
            known = new Resolved(workspaces.resolve(idOrName), now);
            // only a found workspace is kept: one made after the tool's first call counts at once
            if (known.workspaceId().isPresent()) {
                resolved.put(idOrName, known);
            }
        }
        return known.workspaceId();
    }

    private Map<String, OidcSettings.BearerClient> clients() {
        Map<String, OidcSettings.BearerClient> map = clients;
        if (map == null) {
            map = settings.bearerClients();
            clients = map;
        }
        return map;
    }
}
