package com.chatgptconnector.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A workspace's ChatGPT settings: one row a workspace, versioned, so two admins editing at once
 * never overwrite each other unnoticed. The key is only ever held encrypted here.
 */
@Entity
@Table(name = "chatgpt_settings")
public class ChatGptSettings {

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SettingsStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_source", nullable = false)
    private KeySource keySource;

    @Column(name = "encrypted_key")
    private String encryptedKey;

    @Column(name = "key_hint")
    private String keyHint;

    @Column(name = "key_unreadable", nullable = false)
    private boolean keyUnreadable;

    @Column(name = "organization_id")
    private String organizationId;

    @Column(name = "project_id")
    private String projectId;

    @Column(name = "monthly_token_limit")
    private Long monthlyTokenLimit;

    @Column(name = "allowed_models")
    private String allowedModels;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "status_changed_by")
    private String statusChangedBy;

    @Column(name = "key_changed_at")
    private Instant keyChangedAt;

    @Column(name = "key_changed_by")
    private String keyChangedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    // 1 from the start: EclipseLink (Payara) writes 1 on insert, Hibernate (WildFly) keeps what it is given
    private long version = 1;

    protected ChatGptSettings() {
    }

    public ChatGptSettings(String workspaceId, Instant now) {
        this.workspaceId = workspaceId;
        this.status = SettingsStatus.DISABLED;
        this.keySource = KeySource.NONE;
        this.updatedAt = now;
    }

    void changeStatus(SettingsStatus next, String actor, Instant now) {
        this.status = next;
        this.statusChangedAt = now;
        this.statusChangedBy = actor;
        this.updatedAt = now;
    }

    void storeKey(String encrypted, String hint, KeySource source, String organization, String project, String actor, Instant now) {
        this.encryptedKey = encrypted;
        this.keyHint = hint;
        this.keySource = source;
        this.keyUnreadable = false;
        this.organizationId = organization;
        this.projectId = project;
        this.keyChangedAt = now;
        this.keyChangedBy = actor;
        this.updatedAt = now;
    }

    void removeKey(String actor, Instant now) {
        storeKey(null, null, KeySource.NONE, null, null, actor, now);
    }

    void changePolicy(Long tokenLimit, List<String> models, Instant now) {
        this.monthlyTokenLimit = tokenLimit;
        this.allowedModels = models == null || models.isEmpty() ? null : String.join(",", models);
        this.updatedAt = now;
    }

    /** Re-encryption under another master key changes nothing a user would see. */
    void replaceCiphertext(String encrypted) {
        this.encryptedKey = encrypted;
    }

    void markKeyUnreadable(Instant now) {
        this.keyUnreadable = true;
        this.updatedAt = now;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public SettingsStatus status() {
        return status;
    }

    public KeySource keySource() {
        return keySource;
    }

    public String encryptedKey() {
        return encryptedKey;
    }

    public boolean hasKey() {
        return encryptedKey != null;
    }

    public String keyHint() {
        return keyHint;
    }

    public boolean keyUnreadable() {
        return keyUnreadable;
    }

    public String organizationId() {
        return organizationId;
    }

    public String projectId() {
        return projectId;
    }

    public Long monthlyTokenLimit() {
        return monthlyTokenLimit;
    }

    public List<String> allowedModels() {
        if (allowedModels == null || allowedModels.isBlank()) {
            return List.of();
        }
        return Arrays.stream(allowedModels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public String statusChangedBy() {
        return statusChangedBy;
    }

    public Instant keyChangedAt() {
        return keyChangedAt;
    }

    public String keyChangedBy() {
        return keyChangedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
