package com.chatgptconnector.identity;

import com.chatgptconnector.audit.ActorOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Names the provider and subject of an actor who signed in through OpenID Connect (issue 31). */
@ApplicationScoped
public class FederatedActorOrigins implements ActorOrigins {

    @Inject
    UserRepository users;

    /** The name the sign-in page shows (docs/configuration.md); the issuer where none is set. */
    @Inject
    @ConfigProperty(name = "connector.oidc.provider-name")
    Optional<String> providerName;

    @Override
    public Optional<String> of(String actor) {
        if (actor == null || actor.startsWith(CurrentCaller.TOKEN_PRINCIPAL)) {
            return Optional.empty();
        }
        return users.federation(actor).map(f -> "provider=" + providerName.map(String::strip).filter(n -> !n.isEmpty()).orElse(f.issuer())
                + ", subject=" + f.subject());
    }
}
