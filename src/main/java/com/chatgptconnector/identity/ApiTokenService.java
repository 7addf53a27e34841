package com.chatgptconnector.identity;

import com.chatgptconnector.audit.AuditAction;
import com.chatgptconnector.audit.AuditService;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Workspace API tokens: 32 random bytes, shown once, stored as SHA-256 (a token has full entropy,
 * so a slow hash would add nothing but latency to every request), revocable, with last use.
 */
@ApplicationScoped
public class ApiTokenService {

    /** The prefix says what a leaked string is; OpenAI keys start with {@code sk-}, ours never do. */
    public static final String PREFIX = "cct_";
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    /** A freshly created token: the only moment the token itself is known. */
    public record CreatedToken(String id, String name, String token, Instant createdAt) {
        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", name=" + name + "]";
        }
    }

    /** A token as the list shows it. */
    public record TokenView(String id, String name, String prefix, Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt) {
    }

    /** An authenticated token: its id, name and the one workspace it may act in. */
    public record TokenIdentity(String id, String name, String workspaceId) {
    }

    private static final Logger LOG = Logger.getLogger(ApiTokenService.class.getName());

    private final SecureRandom random = new SecureRandom();

    @Inject
    ApiTokenRepository repository;

    @Inject
    AuditService audit;

    private final Map<String, Instant> touched = new ConcurrentHashMap<>();

    @Transactional
    public CreatedToken create(String workspaceId, String name, String actor) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        WorkspaceApiToken entity = new WorkspaceApiToken(UUID.randomUUID().toString(), workspaceId, name, hash(token),
                token.substring(0, PREFIX.length() + 6), Instant.now(Clock.systemUTC()), actor);
        repository.add(entity);
        audit.record(workspaceId, actor, AuditAction.TOKEN_CREATED, "token=" + name);
        return new CreatedToken(entity.id(), name, token, entity.createdAt());
    }

    public List<TokenView> list(String workspaceId) {
        return repository.ofWorkspace(workspaceId).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.tokenPrefix(), t.createdAt(), t.createdBy(), t.lastUsedAt(), t.revokedAt()))
                .toList();
    }

    @Transactional
    public void revoke(String workspaceId, String tokenId, String actor) {
        WorkspaceApiToken token = repository.find(workspaceId, tokenId).orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND));
        if (token.revokedAt() == null) {
            token.revoke(Instant.now(Clock.systemUTC()));
            audit.record(workspaceId, actor, AuditAction.TOKEN_REVOKED, "token=" + token.name());
        }
    }

    /**
     * The identity behind a presented token, if it exists and is not revoked. Runs on every
     * request of the OpenAI-compatible endpoint; a revocation on any instance applies to the next
     * request (see {@link ApiTokenRepository#known}). "Last used" is written at most once a minute
     * (an instance), and leaves the change stamp alone.
     */
    public Optional<TokenIdentity> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        try {
            Optional<ApiTokenRepository.KnownToken> token = repository.known(hash(presented));
            token.ifPresent(this::noteUse);
            return token.map(ApiTokenRepository.KnownToken::identity);
        } catch (PersistenceException | TransactionalException e) {
            // fail closed: a token that cannot be checked does not authenticate
            LOG.log(Level.WARNING, "API token check failed: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private void noteUse(ApiTokenRepository.KnownToken token) {
        String id = token.identity().id();
        Instant now = Instant.now(Clock.systemUTC());
        Instant last = touched.getOrDefault(id, token.lastUsed());
        if (last != null && last.isAfter(now.minus(LAST_USE_RESOLUTION))) {
            return;
        }
        // "last used" to the minute: one write a minute, not one a request
        if (touched.size() >= 10_000) {
            touched.clear();
        }
        touched.put(id, now);
        repository.touch(id, now);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
