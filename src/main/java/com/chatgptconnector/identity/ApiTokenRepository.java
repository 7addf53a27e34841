package com.chatgptconnector.identity;

import com.chatgptconnector.identity.ApiTokenService.TokenIdentity;
import com.chatgptconnector.persistence.ChangeStamp;
import com.chatgptconnector.persistence.RowReader;
import com.chatgptconnector.persistence.StampedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The workspace_api_token rows: JPA for changes and the admin's list; the token a request
 * presents in one plain read, kept under the change stamp
 * (docs/adr/0004-jdbc-reads-under-the-change-stamp.md).
 */
@ApplicationScoped
public class ApiTokenRepository {

    /** A token that exists and is not revoked, with its last recorded use. */
    public record KnownToken(TokenIdentity identity, Instant lastUsed) {
    }

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    RowReader rows;

    @Inject
    ChangeStamp stamp;

    /** Known tokens only: unknown strings are read each time, and cannot crowd the real ones out. */
    private final StampedCache<String, Optional<KnownToken>> known = new StampedCache<>(10_000, Optional::isPresent);

    public void add(WorkspaceApiToken token) {
        em.persist(token);
    }

    public List<WorkspaceApiToken> ofWorkspace(String workspaceId) {
        return em.createQuery("select t from WorkspaceApiToken t where t.workspaceId = :ws order by t.createdAt", WorkspaceApiToken.class)
                .setParameter("ws", workspaceId).getResultList();
    }

    public Optional<WorkspaceApiToken> find(String workspaceId, String tokenId) {
        return Optional.ofNullable(em.find(WorkspaceApiToken.class, tokenId)).filter(t -> t.workspaceId().equals(workspaceId));
    }

    /**
     * The unrevoked token with this hash, read again only after a change stamp
     * ({@link ChangeStamp}), which a new, revoked or deleted token raises on any instance.
     */
    public Optional<KnownToken> known(String tokenHash) {
        return known.get(stamp.current(), tokenHash, hash -> rows.first("select id, name, workspace_id, last_used_at "
                        + "from workspace_api_token where token_hash = ? and revoked_at is null",
                row -> {
                    java.sql.Timestamp lastUsed = row.getTimestamp(4);
                    return new KnownToken(new TokenIdentity(row.getString(1), row.getString(2), row.getString(3)),
                            lastUsed == null ? null : lastUsed.toInstant());
                }, hash));
    }

    /** Notes a use; leaves the change stamp alone (the triggers skip a change of last_used_at only). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void touch(String tokenId, Instant usedAt) {
        em.createNativeQuery("update workspace_api_token set last_used_at = ?1 where id = ?2")
                .setParameter(1, usedAt.atOffset(ZoneOffset.UTC)).setParameter(2, tokenId).executeUpdate();
    }
}
