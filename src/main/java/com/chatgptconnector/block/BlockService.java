package com.chatgptconnector.block;

import com.chatgptconnector.audit.AuditAction;
import com.chatgptconnector.audit.AuditService;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A workspace's building blocks: create, read, change (versioned), delete. */
@ApplicationScoped
public class BlockService {

    @Inject
    BlockRepository repository;

    @Inject
    AuditService audit;

    public List<BlockView> list(String workspaceId) {
        return repository.ofWorkspace(workspaceId).stream().map(BlockView::of).toList();
    }

    public Map<String, String> names(String workspaceId) {
        return repository.ofWorkspace(workspaceId).stream().collect(Collectors.toMap(BuildingBlock::id, BuildingBlock::name));
    }

    public BuildingBlock get(String workspaceId, String id) {
        return repository.find(workspaceId, id).orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND));
    }

    /** What running a block needs of it; an edit or a deletion on any instance counts on the next run. */
    public BlockDefinition definition(String workspaceId, String id) {
        return repository.definition(workspaceId, id).orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND));
    }

    @Transactional
    public BlockView create(String workspaceId, BlockDefinition definition, String actor) {
        PromptTemplate.parse(definition.userPrompt());
        requireUniqueName(workspaceId, definition.name(), null);
        BuildingBlock block = new BuildingBlock(UUID.randomUUID().toString(), workspaceId, Instant.now(Clock.systemUTC()));
        block.apply(definition, Instant.now(Clock.systemUTC()));
        repository.add(block);
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
        repository.flush();
        audit.record(workspaceId, actor, AuditAction.BLOCK_CHANGED, "block=" + definition.name());
        return BlockView.of(block);
    }

    @Transactional
    public void delete(String workspaceId, String id, String actor) {
        BuildingBlock block = get(workspaceId, id);
        repository.remove(block);
        audit.record(workspaceId, actor, AuditAction.BLOCK_DELETED, "block=" + block.name());
    }

    private void requireUniqueName(String workspaceId, String name, String exceptId) {
        boolean taken = repository.named(workspaceId, name).stream().anyMatch(b -> !b.id().equals(exceptId));
        if (taken) {
            throw new ProblemException(ErrorCode.ALREADY_EXISTS, name);
        }
    }
}
