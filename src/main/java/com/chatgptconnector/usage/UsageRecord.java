package com.chatgptconnector.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One request toward OpenAI: who, which block, endpoint and model, tokens, outcome, latency and request id. */
@Entity
@Table(name = "usage_record")
public class UsageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "UsageRecordIds")
    @SequenceGenerator(name = "UsageRecordIds", sequenceName = "usage_record_seq", allocationSize = 1)
    private Long id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(name = "block_id")
    private String blockId;

    @Column(nullable = false)
    private String actor;

    private String model;

    @Column(name = "prompt_tokens", nullable = false)
    private long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    private long completionTokens;

    @Column(nullable = false)
    private String outcome;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMs;

    @Column(name = "openai_request_id")
    private String openaiRequestId;

    @Column(nullable = false)
    private String endpoint;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected UsageRecord() {
    }

    public UsageRecord(UsageEntry entry, Instant occurredAt) {
        this.workspaceId = entry.workspaceId();
        this.blockId = entry.blockId();
        this.actor = entry.actor();
        this.model = entry.model();
        this.promptTokens = entry.promptTokens();
        this.completionTokens = entry.completionTokens();
        this.outcome = entry.outcome();
        this.latencyMs = entry.latencyMillis();
        this.openaiRequestId = entry.openaiRequestId();
        this.endpoint = entry.endpoint();
        this.requestId = entry.requestId();
        this.occurredAt = occurredAt;
    }

    long id() {
        return id;
    }

    public String blockId() {
        return blockId;
    }

    public String model() {
        return model;
    }

    public long promptTokens() {
        return promptTokens;
    }

    public long completionTokens() {
        return completionTokens;
    }

    /** The OpenAI endpoint ({@link Endpoint#label()}); records from before V5 say {@code chat/completions}. */
    public String endpoint() {
        return endpoint;
    }

    String requestId() {
        return requestId;
    }

    public String outcome() {
        return outcome;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    String workspaceId() {
        return workspaceId;
    }

    long latencyMillis() {
        return latencyMs;
    }

    String openaiRequestId() {
        return openaiRequestId;
    }
}
