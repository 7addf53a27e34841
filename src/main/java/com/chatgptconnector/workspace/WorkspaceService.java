package com.chatgptconnector.workspace;

import com.chatgptconnector.audit.AuditAction;
import com.chatgptconnector.audit.AuditService;
import com.chatgptconnector.identity.Caller;
import com.chatgptconnector.identity.UserAccount;
import com.chatgptconnector.identity.UserService;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.settings.ChatGptSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Workspaces and their members. */
@ApplicationScoped
public class WorkspaceService {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    UserService users;

    @Inject
    ChatGptSettingsService settings;

    @Inject
    AuditService audit;

    /**
     * A new workspace with ChatGPT off and, if {@code adminUsername} is given, that user as its
     * first admin. One transaction: an unknown user creates nothing.
     */
    @Transactional
    public WorkspaceSummary create(String name, String adminUsername, Caller actor) {
        String admin = adminUsername == null || adminUsername.isBlank() ? null : adminUsername.strip();
        UserAccount adminUser = admin == null ? null : users.find(admin)
                .orElseThrow(() -> new ProblemException(ErrorCode.USER_NOT_FOUND, Map.of("field", "adminUsername"), admin));
        Workspace workspace = new Workspace(UUID.randomUUID().toString(), name.strip(), Instant.now(Clock.systemUTC()));
        workspaces.add(workspace);
        // every workspace starts with ChatGPT off, as its own row, so later writes only ever update
        String status = settings.initialize(workspace.id());
        audit.record(workspace.id(), actor.username(), AuditAction.WORKSPACE_CREATED, "name=" + workspace.name());
        if (adminUser != null) {
            addMember(workspace.id(), adminUser, WorkspaceRole.ADMIN, actor);
        }
        return new WorkspaceSummary(workspace.id(), workspace.name(), null, status, workspace.createdAt());
    }

    /** The caller's workspaces; an operator sees all of them. Optionally only one ChatGPT status. */
    public List<WorkspaceSummary> list(Caller caller, String statusFilter) {
        UserAccount user = users.find(caller.username()).orElseThrow(() -> new ProblemException(ErrorCode.UNAUTHORIZED));
        List<Workspace> visible = caller.operator() ? workspaces.all() : workspaces.ofUser(user.id());
        Map<String, String> statuses = settings.statuses(visible.stream().map(Workspace::id).toList());
        return visible.stream()
                .map(w -> new WorkspaceSummary(w.id(), w.name(),
                        workspaces.membership(w.id(), user.id()).map(m -> m.role().name()).orElse(null),
                        statuses.get(w.id()), w.createdAt()))
                .filter(s -> statusFilter == null || statusFilter.equalsIgnoreCase(s.chatgptStatus()))
                .toList();
    }

    public List<MemberView> members(String workspaceId) {
        return workspaces.membersWithNames(workspaceId).stream()
                .map(row -> new MemberView((String) row[0], ((WorkspaceRole) row[1]).name(), (Instant) row[2]))
                .toList();
    }

    /** Adds the user or changes their role; true if the user was added. */
    @Transactional
    public boolean putMember(String workspaceId, String username, WorkspaceRole role, Caller actor) {
        UserAccount user = users.find(username).orElseThrow(() -> new ProblemException(ErrorCode.USER_NOT_FOUND, username));
        var existing = workspaces.membership(workspaceId, user.id());
        if (existing.isEmpty()) {
            addMember(workspaceId, user, role, actor);
            return true;
        }
        WorkspaceMember member = existing.get();
        if (member.role() != role) {
            if (member.role() == WorkspaceRole.ADMIN) {
                requireAnotherAdmin(workspaceId);
            }
            member.changeRole(role);
            audit.record(workspaceId, actor.username(), AuditAction.MEMBER_ROLE_CHANGED, "user=" + username + ", role=" + role);
        }
        return false;
    }

    private void addMember(String workspaceId, UserAccount user, WorkspaceRole role, Caller actor) {
        workspaces.addMember(new WorkspaceMember(workspaceId, user.id(), role, Instant.now(Clock.systemUTC())));
        audit.record(workspaceId, actor.username(), AuditAction.MEMBER_ADDED, "user=" + user.username() + ", role=" + role);
    }

    @Transactional
    public void removeMember(String workspaceId, String username, Caller actor) {
        UserAccount user = users.find(username).orElseThrow(() -> new ProblemException(ErrorCode.USER_NOT_FOUND, username));
        WorkspaceMember member = workspaces.membership(workspaceId, user.id())
                .orElseThrow(() -> new ProblemException(ErrorCode.USER_NOT_FOUND, username));
        if (member.role() == WorkspaceRole.ADMIN) {
            requireAnotherAdmin(workspaceId);
        }
        workspaces.removeMember(member);
        audit.record(workspaceId, actor.username(), AuditAction.MEMBER_REMOVED, "user=" + username);
    }

    /**
     * The workspace an id or, failing that, a name stands for (configuration and claims may use
     * either); empty for none, or for a name that several workspaces share.
     */
    public Optional<String> resolve(String idOrName) {
        Optional<Workspace> byId = workspaces.find(idOrName);
        if (byId.isPresent()) {
            return Optional.of(byId.get().id());
        }
        List<Workspace> named = workspaces.named(idOrName);
        return named.size() == 1 ? Optional.of(named.get(0).id()) : Optional.empty();
    }

    /**
     * Makes the user's memberships what the provider's claim says (membership source {@code claim},
     * issue 31), at sign-in and at every token refresh: memberships the claim no longer names go,
     * also an admin's (the provider is the authority then). Workspaces that do not exist are
     * skipped. Each change is audited with the provider and subject in its detail.
     */
    @Transactional
    public void applyClaimedMemberships(String username, Map<String, WorkspaceRole> claimed, String actor, String origin) {
        UserAccount user = users.find(username).orElseThrow(() -> new ProblemException(ErrorCode.USER_NOT_FOUND, username));
        Map<String, WorkspaceRole> wanted = new java.util.HashMap<>();
        claimed.forEach((key, role) -> resolve(key).ifPresent(id -> wanted.merge(id, role,
                (a, b) -> a == WorkspaceRole.ADMIN || b == WorkspaceRole.ADMIN ? WorkspaceRole.ADMIN : a)));
        for (WorkspaceMember member : workspaces.membershipsOf(user.id())) {
            WorkspaceRole role = wanted.remove(member.workspaceId());
            if (role == null) {
                workspaces.removeMember(member);
                audit.record(member.workspaceId(), actor, AuditAction.MEMBER_REMOVED, "user=" + username + ", " + origin);
            } else if (role != member.role()) {
                member.changeRole(role);
                audit.record(member.workspaceId(), actor, AuditAction.MEMBER_ROLE_CHANGED, "user=" + username + ", role=" + role + ", " + origin);
            }
        }
        wanted.forEach((workspaceId, role) -> {
            workspaces.addMember(new WorkspaceMember(workspaceId, user.id(), role, Instant.now(Clock.systemUTC())));
            audit.record(workspaceId, actor, AuditAction.MEMBER_ADDED, "user=" + username + ", role=" + role + ", " + origin);
        });
    }

    /** A workspace with members but no admin could never manage its key again. */
    private void requireAnotherAdmin(String workspaceId) {
        if (workspaces.countAdmins(workspaceId) <= 1) {
            throw new ProblemException(ErrorCode.LAST_ADMIN);
        }
    }
}
