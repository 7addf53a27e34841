package com.chatgptconnector.settings;

import com.chatgptconnector.persistence.ChangeStamp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The settings a call to OpenAI needs, without loading the row and decrypting the key on every
 * request. A suspension, a new key or a new limit made on any instance applies to the very next
 * request: a result is reused only while the change stamp ({@link ChangeStamp}, which every change
 * to a settings row raises in its transaction) is the one it was kept under. After a change to
 * some other workspace or table, one read of the row's status and version tells whether the
 * decrypted result still holds, since every change to the row (status, key, policy, an unreadable
 * mark, re-encryption) raises its version.
 */
@ApplicationScoped
public class ActiveSettingsCache {

    private static final Logger LOG = Logger.getLogger(ActiveSettingsCache.class.getName());

    private record Kept(ActiveSettings settings, long stamp) {
    }

    @Inject
    WorkspaceSettingsRepository repository;

    @Inject
    ChangeStamp stamp;

    @Inject
    ChatGptSettingsService settings;

    private final Map<String, Kept> byWorkspace = new ConcurrentHashMap<>();

    /** As {@link ChatGptSettingsService#forUse}: the active workspace's key and policy, or its refusal. */
    public ActiveSettings forUse(String workspaceId) {
        Kept kept = byWorkspace.get(workspaceId);
        long now;
        try {
            now = stamp.current();
        } catch (PersistenceException e) {
            // fail closed: without a fresh stamp nothing cached is used, and the full load decides
            LOG.log(Level.WARNING, "Change stamp read failed: {0}", e.getMessage());
            byWorkspace.remove(workspaceId);
            return settings.forUse(workspaceId);
        }
        if (kept != null) {
            if (kept.stamp() == now) {
                return kept.settings();
            }
            if (stillActiveAt(workspaceId, kept.settings().version())) {
                byWorkspace.put(workspaceId, new Kept(kept.settings(), now));
                return kept.settings();
            }
            byWorkspace.remove(workspaceId, kept);
        }
        // the full load refuses with the right problem (not active, no key, unreadable key)
        ActiveSettings fresh = settings.forUse(workspaceId);
        byWorkspace.put(workspaceId, new Kept(fresh, now));
        return fresh;
    }

    private boolean stillActiveAt(String workspaceId, long version) {
        try {
            return repository.activeAtVersion(workspaceId, version);
        } catch (PersistenceException e) {
            // fail closed: without a fresh status nothing cached is used
            LOG.log(Level.WARNING, "Settings status check failed: {0}", e.getMessage());
            return false;
        }
    }
}
