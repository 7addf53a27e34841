package com.chatgptconnector.block;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A named prompt template of one workspace with its model and parameters. */
@Entity
@Table(name = "building_block")
public class BuildingBlock {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String model;

    @Column(name = "system_prompt")
    private String systemPrompt;

    @Column(name = "user_prompt", nullable = false)
    private String userPrompt;

    private Double temperature;

    @Column(name = "max_output_tokens")
    private Integer maxOutputTokens;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_format", nullable = false)
    private ResponseFormat responseFormat;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    // 1 from the start: EclipseLink (Payara) writes 1 on insert, Hibernate (WildFly) keeps what it is given
    private long version = 1;

    protected BuildingBlock() {
    }

    public BuildingBlock(String id, String workspaceId, Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.createdAt = now;
    }

    void apply(BlockDefinition d, Instant now) {
        this.name = d.name();
        this.model = d.model();
        this.systemPrompt = d.systemPrompt();
        this.userPrompt = d.userPrompt();
        this.temperature = d.temperature();
        this.maxOutputTokens = d.maxOutputTokens();
        this.responseFormat = d.responseFormat();
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String name() {
        return name;
    }

    public String model() {
        return model;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public String userPrompt() {
        return userPrompt;
    }

    public Double temperature() {
        return temperature;
    }

    public Integer maxOutputTokens() {
        return maxOutputTokens;
    }

    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
