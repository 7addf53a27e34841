package com.chatgptconnector.settings;

import com.chatgptconnector.persistence.ConnectorDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

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

    @Resource(lookup = ConnectorDatabase.JNDI_NAME)
    DataSource dataSource;

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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select status, version from chatgpt_settings where workspace_id = ?")) {
            query.setString(1, workspaceId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && SettingsStatus.ACTIVE.name().equals(row.getString(1)) && row.getLong(2) == version;
            }
        } catch (SQLException e) {
            // fail closed: without a fresh status nothing cached is used
            LOG.log(Level.WARNING, "Settings status check failed: {0}", e.getMessage());
            return false;
        }
    }
}
