package com.chatgptconnector.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "workspace_member")
@IdClass(WorkspaceMember.Key.class)
public class WorkspaceMember {

    /** The composite primary key (workspace, user). */
    public static class Key implements Serializable {
        private String workspaceId;
        private Long userId;

        public Key() {
        }

        public Key(String workspaceId, Long userId) {
            this.workspaceId = workspaceId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(workspaceId, k.workspaceId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, userId);
        }
    }

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WorkspaceRole role;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected WorkspaceMember() {
    }

    public WorkspaceMember(String workspaceId, Long userId, WorkspaceRole role, Instant addedAt) {
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.role = role;
        this.addedAt = addedAt;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public Long userId() {
        return userId;
    }

    public WorkspaceRole role() {
        return role;
    }

    public void changeRole(WorkspaceRole role) {
        this.role = role;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
