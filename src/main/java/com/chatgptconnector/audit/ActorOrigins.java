package com.chatgptconnector.audit;

import java.util.Optional;

/**
 * Where an actor signed in, for the audit trail: {@code provider=..., subject=...} for a user of an
 * OpenID Connect provider (issue 31), empty for a local account or a token. Implemented where
 * users are known (identity), which depends on audit, not the other way round.
 */
public interface ActorOrigins {

    Optional<String> of(String actor);
}
