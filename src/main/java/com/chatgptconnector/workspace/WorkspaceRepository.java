package com.chatgptconnector.workspace;

import com.chatgptconnector.persistence.ChangeStamp;
import com.chatgptconnector.persistence.RowReader;
import com.chatgptconnector.persistence.StampedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WorkspaceRepository {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    RowReader rows;

    @Inject
    ChangeStamp stamp;

    private final StampedCache<MemberKey, Optional<WorkspaceRole>> roles = new StampedCache<>(10_000);

    public Optional<Workspace> find(String id) {
        return Optional.ofNullable(em.find(Workspace.class, id));
    }

    public List<Workspace> all() {
        return em.createQuery("select w from Workspace w order by w.name, w.id", Workspace.class).getResultList();
    }

    public List<Workspace> named(String name) {
        return em.createQuery("select w from Workspace w where w.name = :name", Workspace.class)
                .setParameter("name", name)
                .getResultList();
    }

    public List<WorkspaceMember> membershipsOf(long userId) {
        return em.createQuery("select m from WorkspaceMember m where m.userId = :user", WorkspaceMember.class)
                .setParameter("user", userId)
                .getResultList();
    }

    public List<Workspace> ofUser(long userId) {
        return em.createQuery("select w from Workspace w, WorkspaceMember m where m.workspaceId = w.id "
                        + "and m.userId = :user order by w.name, w.id", Workspace.class)
                .setParameter("user", userId)
                .getResultList();
    }

    public void add(Workspace workspace) {
        em.persist(workspace);
        // the settings row references it; EclipseLink does not order inserts across unrelated entities
        em.flush();
    }

    public Optional<WorkspaceMember> membership(String workspaceId, long userId) {
        return Optional.ofNullable(em.find(WorkspaceMember.class, new WorkspaceMember.Key(workspaceId, userId)));
    }

    /**
     * A user's role in a workspace (every request of a signed-in user), looked up by username in
     * one read, and read again only after a change stamp ({@link ChangeStamp}).
     */
    public Optional<WorkspaceRole> roleOf(String workspaceId, String username) {
        return roles.get(stamp.current(), new MemberKey(workspaceId, username),
                key -> rows.first("select m.role from workspace_member m join app_user u on u.id = m.user_id "
                                + "where m.workspace_id = ? and u.username = ?",
                        row -> WorkspaceRole.valueOf(row.getString(1)), key.workspaceId(), key.username()));
    }

    private record MemberKey(String workspaceId, String username) {
    }

    public List<Object[]> membersWithNames(String workspaceId) {
        return em.createQuery("select u.username, m.role, m.addedAt from WorkspaceMember m, UserAccount u "
                        + "where m.userId = u.id and m.workspaceId = :ws order by u.username", Object[].class)
                .setParameter("ws", workspaceId)
                .getResultList();
    }

    public long countAdmins(String workspaceId) {
        return em.createQuery("select count(m) from WorkspaceMember m where m.workspaceId = :ws and m.role = :role", Long.class)
                .setParameter("ws", workspaceId)
                .setParameter("role", WorkspaceRole.ADMIN)
                .getSingleResult();
    }

    public void addMember(WorkspaceMember member) {
        em.persist(member);
    }

    public void removeMember(WorkspaceMember member) {
        em.remove(member);
    }
}
