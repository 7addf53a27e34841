package com.chatgptconnector.settings;

import com.chatgptconnector.persistence.RowReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The settings a call to OpenAI needs, without loading the row and decrypting the key on every
 * request. Each request still reads the workspace's status and version, one primary-key lookup
 * on the settings row, so a suspension, a new key or a new limit made on any instance applies to
 * the very next request; only while both are unchanged is the decrypted result reused. Every
 * change to the row (status, key, policy, an unreadable mark, re-encryption) raises its version.
 */
@ApplicationScoped
public class ActiveSettingsCache {

    private static final Logger LOG = Logger.getLogger(ActiveSettingsCache.class.getName());

    @Inject
    RowReader rows;

    @Inject
    ChatGptSettingsService settings;

    private final Map<String, ActiveSettings> byWorkspace = new ConcurrentHashMap<>();

    /** As {@link ChatGptSettingsService#forUse}: the active workspace's key and policy, or its refusal. */
    public ActiveSettings forUse(String workspaceId) {
        ActiveSettings cached = byWorkspace.get(workspaceId);
        if (cached != null) {
            if (stillActiveAt(workspaceId, cached.version())) {
                return cached;
            }
            byWorkspace.remove(workspaceId, cached);
        }
        // the full load refuses with the right problem (not active, no key, unreadable key)
        ActiveSettings fresh = settings.forUse(workspaceId);
        byWorkspace.put(workspaceId, fresh);
        return fresh;
    }

    private boolean stillActiveAt(String workspaceId, long version) {
        try {
            return rows.first("select status, version from chatgpt_settings where workspace_id = ?",
                    row -> SettingsStatus.ACTIVE.name().equals(row.getString(1)) && row.getLong(2) == version, workspaceId)
                    .orElse(false);
        } catch (PersistenceException e) {
            // fail closed: without a fresh status nothing cached is used
            LOG.log(Level.WARNING, "Settings status check failed: {0}", e.getMessage());
            return false;
        }
    }
}
