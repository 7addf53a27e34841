package com.chatgptconnector.settings;

import com.chatgptconnector.persistence.RowReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The chatgpt_settings rows: JPA for everything but the one check a request makes when the
 * change stamp moved (docs/adr/0004-jdbc-reads-under-the-change-stamp.md).
 */
@ApplicationScoped
public class WorkspaceSettingsRepository {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    RowReader rows;

    /** Whether the row is still ACTIVE at this version; a database failure is a {@code PersistenceException}. */
    public boolean activeAtVersion(String workspaceId, long version) {
        return rows.first("select status, version from chatgpt_settings where workspace_id = ?",
                row -> SettingsStatus.ACTIVE.name().equals(row.getString(1)) && row.getLong(2) == version, workspaceId)
                .orElse(false);
    }

    public Optional<ChatGptSettings> find(String workspaceId) {
        return Optional.ofNullable(em.find(ChatGptSettings.class, workspaceId));
    }

    public void add(ChatGptSettings settings) {
        em.persist(settings);
    }

    public List<ChatGptSettings> findAll(List<String> workspaceIds) {
        if (workspaceIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from ChatGptSettings s where s.workspaceId in :ids", ChatGptSettings.class)
                .setParameter("ids", workspaceIds)
                .getResultList();
    }

    /** Workspaces whose stored key may need re-encryption: the job filters by master key id. */
    public List<Object[]> storedKeys() {
        return em.createQuery("select s.workspaceId, s.encryptedKey from ChatGptSettings s "
                + "where s.encryptedKey is not null and s.keyUnreadable = false", Object[].class).getResultList();
    }

    /** Makes a stale version visible now, inside the service method, rather than at commit. */
    public void flush() {
        em.flush();
    }
}
