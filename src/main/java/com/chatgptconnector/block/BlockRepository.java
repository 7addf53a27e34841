package com.chatgptconnector.block;

import com.chatgptconnector.persistence.ChangeStamp;
import com.chatgptconnector.persistence.RowReader;
import com.chatgptconnector.persistence.StampedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The building_block rows: JPA for changes and the admin's lists; the definition a run needs in
 * one plain read, kept under the change stamp (docs/adr/0004-jdbc-reads-under-the-change-stamp.md).
 */
@ApplicationScoped
public class BlockRepository {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    RowReader rows;

    @Inject
    ChangeStamp stamp;

    /** Prompts may be long (100,000 characters each): only blocks of up to 4,096 are kept, 2,000 at most. */
    private final StampedCache<BlockKey, Optional<BlockDefinition>> definitions = new StampedCache<>(2_000,
            found -> found.map(b -> length(b.systemPrompt()) + length(b.userPrompt()) <= 4_096).orElse(true));

    private record BlockKey(String workspaceId, String id) {
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    public List<BuildingBlock> ofWorkspace(String workspaceId) {
        return em.createQuery("select b from BuildingBlock b where b.workspaceId = :ws order by b.name", BuildingBlock.class)
                .setParameter("ws", workspaceId).getResultList();
    }

    public List<BuildingBlock> named(String workspaceId, String name) {
        return em.createQuery("select b from BuildingBlock b where b.workspaceId = :ws and b.name = :name", BuildingBlock.class)
                .setParameter("ws", workspaceId).setParameter("name", name).getResultList();
    }

    public Optional<BuildingBlock> find(String workspaceId, String id) {
        return Optional.ofNullable(em.find(BuildingBlock.class, id)).filter(b -> b.workspaceId().equals(workspaceId));
    }

    public void add(BuildingBlock block) {
        em.persist(block);
        em.flush();
    }

    public void remove(BuildingBlock block) {
        em.remove(block);
    }

    /** Makes a stale version or a taken name visible now, inside the service method, rather than at commit. */
    public void flush() {
        em.flush();
    }

    /** What running a block needs of it, read again only after a change stamp ({@link ChangeStamp}). */
    public Optional<BlockDefinition> definition(String workspaceId, String id) {
        return definitions.get(stamp.current(), new BlockKey(workspaceId, id), this::read);
    }

    private Optional<BlockDefinition> read(BlockKey key) {
        return rows.first("select name, model, system_prompt, user_prompt, temperature, max_output_tokens, response_format "
                        + "from building_block where id = ? and workspace_id = ?",
                row -> {
                    double temperature = row.getDouble(5);
                    Double setTemperature = row.wasNull() ? null : temperature;
                    int maxOutput = row.getInt(6);
                    Integer setMaxOutput = row.wasNull() ? null : maxOutput;
                    return new BlockDefinition(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            setTemperature, setMaxOutput, ResponseFormat.valueOf(row.getString(7)));
                }, key.id(), key.workspaceId());
    }
}
