package com.chatgptconnector.block;

import com.chatgptconnector.audit.AuditAction;
import com.chatgptconnector.audit.AuditService;
import com.chatgptconnector.persistence.ChangeStamp;
import com.chatgptconnector.persistence.RowReader;
import com.chatgptconnector.persistence.StampedCache;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** A workspace's building blocks: create, read, change (versioned), delete. */
@ApplicationScoped
public class BlockService {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @jakarta.inject.Inject
    AuditService audit;

    @jakarta.inject.Inject
    RowReader rows;

    @jakarta.inject.Inject
    ChangeStamp stamp;

    /** Prompts may be long (100,000 characters each): only blocks of up to 4,096 are kept, 2,000 at most. */
    private final StampedCache<BlockKey, Optional<BlockDefinition>> definitions = new StampedCache<>(2_000,
            found -> found.map(b -> length(b.systemPrompt()) + length(b.userPrompt()) <= 4_096).orElse(true));

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    public List<BlockView> list(String workspaceId) {
        return em.createQuery("select b from BuildingBlock b where b.workspaceId = :ws order by b.name", BuildingBlock.class)
                .setParameter("ws", workspaceId).getResultStream().map(BlockView::of).toList();
    }

    public Map<String, String> names(String workspaceId) {
        return em.createQuery("select b from BuildingBlock b where b.workspaceId = :ws", BuildingBlock.class)
                .setParameter("ws", workspaceId).getResultStream()
                .collect(Collectors.toMap(BuildingBlock::id, BuildingBlock::name));
    }

    public BuildingBlock get(String workspaceId, String id) {
        return Optional.ofNullable(em.find(BuildingBlock.class, id))
                .filter(b -> b.workspaceId().equals(workspaceId))
                .orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND));
    }

    /**
     * What running a block needs of it, in one plain read, made again only after a change stamp
     * ({@link ChangeStamp}): an edit or a deletion on any instance counts on the next run.
     */
    public BlockDefinition definition(String workspaceId, String id) {
        return definitions.get(stamp.current(), new BlockKey(workspaceId, id), this::read)
                .orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND));
    }

    private record BlockKey(String workspaceId, String id) {
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

    @Transactional
    public BlockView create(String workspaceId, BlockDefinition definition, String actor) {
        PromptTemplate.parse(definition.userPrompt());
        requireUniqueName(workspaceId, definition.name(), null);
        BuildingBlock block = new BuildingBlock(UUID.randomUUID().toString(), workspaceId, Instant.now(Clock.systemUTC()));
        block.apply(definition, Instant.now(Clock.systemUTC()));
        em.persist(block);
        em.flush();
        audit.record(workspaceId, actor, AuditAction.BLOCK_CREATED, "block=" + definition.name());
        return BlockView.of(block);
    }

    @Transactional
    public BlockView update(String workspaceId, String id, BlockDefinition definition, long expectedVersion, String actor) {
        PromptTemplate.parse(definition.userPrompt());
        BuildingBlock block = get(workspaceId, id);
        if (block.version() != expectedVersion) {
            throw new ProblemException(ErrorCode.VERSION_CONFLICT, Map.of("currentVersion", block.version()), block.version());
        }
        requireUniqueName(workspaceId, definition.name(), id);
        block.apply(definition, Instant.now(Clock.systemUTC()));
        em.flush();
        audit.record(workspaceId, actor, AuditAction.BLOCK_CHANGED, "block=" + definition.name());
        return BlockView.of(block);
    }

    @Transactional
    public void delete(String workspaceId, String id, String actor) {
        BuildingBlock block = get(workspaceId, id);
        em.remove(block);
        audit.record(workspaceId, actor, AuditAction.BLOCK_DELETED, "block=" + block.name());
    }

    private void requireUniqueName(String workspaceId, String name, String exceptId) {
        boolean taken = em.createQuery("select b from BuildingBlock b where b.workspaceId = :ws and b.name = :name", BuildingBlock.class)
                .setParameter("ws", workspaceId).setParameter("name", name).getResultStream()
                .anyMatch(b -> !b.id().equals(exceptId));
        if (taken) {
            throw new ProblemException(ErrorCode.ALREADY_EXISTS, name);
        }
    }
}
