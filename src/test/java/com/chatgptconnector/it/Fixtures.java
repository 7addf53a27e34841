package com.chatgptconnector.it;

import static com.chatgptconnector.it.Api.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.it.Api.Auth;
import com.chatgptconnector.it.Api.Reply;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Users, workspaces and settings states made through the public API, as a client would. Names
 * are random, so tests never depend on what earlier runs left in the database.
 */
public final class Fixtures {

    public static final Auth OPERATOR = new Auth("operator", "operator-dev-password");
    public static final String PASSWORD = "correct horse battery staple";

    /** A workspace with an admin and a member, and a second workspace with another admin. */
    public record Team(String workspace, Auth admin, Auth member, Auth otherAdmin, String otherWorkspace) {
    }

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    public Auth newUser(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = api.post("api/users", OPERATOR, "{\"username\":" + str(name) + ",\"password\":" + str(PASSWORD) + "}");
        assertEquals(201, reply.status(), reply::toString);
        return new Auth(name, PASSWORD);
    }

    public String newWorkspace(Auth admin, Auth member) {
        Reply created = api.post("api/workspaces", OPERATOR, "{\"name\":\"Workspace " + UUID.randomUUID() + "\"}");
        assertEquals(201, created.status(), created::toString);
        String ws = created.json().getString("id");
        assertEquals(201, api.put("api/workspaces/" + ws + "/members/" + admin.username(), OPERATOR, "{\"role\":\"ADMIN\"}").status());
        if (member != null) {
            assertEquals(201, api.put("api/workspaces/" + ws + "/members/" + member.username(), OPERATOR, "{\"role\":\"MEMBER\"}").status());
        }
        return ws;
    }

    public Team newTeam() {
        Auth admin = newUser("admin");
        Auth member = newUser("member");
        Auth otherAdmin = newUser("other");
        return new Team(newWorkspace(admin, member), admin, member, otherAdmin, newWorkspace(otherAdmin, null));
    }

    public static String chatgpt(String ws) {
        return "api/workspaces/" + ws + "/chatgpt";
    }

    public void activate(Team team) {
        assertEquals(200, api.post(chatgpt(team.workspace()) + "/activation-request", team.admin(), null).status());
        assertEquals(200, api.post(chatgpt(team.workspace()) + "/activation", OPERATOR, null).status());
    }

    public long version(String ws, Auth auth) {
        return api.get(chatgpt(ws), auth).json().getJsonNumber("version").longValue();
    }

    /** Stores a key without asking OpenAI first. */
    public Reply putKey(Team team, Auth who, String key, long version) {
        return api.put(chatgpt(team.workspace()) + "/credentials?verify=false", who,
                "{\"apiKey\":" + str(key) + "}", "If-Match", "\"" + version + "\"");
    }

    /** An active team whose workspace holds the key (and organization / project, may be null). */
    public Team activeTeamWithKey(String key, String organization, String project) {
        Team team = newTeam();
        activate(team);
        Reply stored = api.put(chatgpt(team.workspace()) + "/credentials?verify=false", team.admin(),
                "{\"apiKey\":" + str(key) + ",\"organizationId\":" + str(organization) + ",\"projectId\":" + str(project) + "}",
                "If-Match", String.valueOf(version(team.workspace(), team.admin())));
        assertEquals(200, stored.status(), stored::toString);
        return team;
    }

    public static void assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "content type of " + reply);
        JsonObject body = reply.json();
        assertEquals(code, body.getString("code"), reply::toString);
        assertEquals(status, body.getInt("status"));
        assertFalse(body.getString("title").isBlank());
        assertFalse(body.getString("detail").isBlank());
        assertNoStackTrace(reply);
    }

    public static void assertNoStackTrace(Reply reply) {
        assertFalse(reply.body().contains("Exception"), () -> "exception name in " + reply);
        assertFalse(reply.body().matches("(?s).*\\bat [a-z]+\\.[a-z]+.*\\(.*"), () -> "stack frame in " + reply);
    }

    public static void assertNoKey(Reply reply) {
        for (String key : TestKeys.all()) {
            assertFalse(reply.body().contains(key), () -> "key in " + reply);
            assertFalse(reply.body().contains(key.substring(3, 19)), () -> "key fragment in " + reply);
        }
    }
}
