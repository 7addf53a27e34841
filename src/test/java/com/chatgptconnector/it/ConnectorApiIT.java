package com.chatgptconnector.it;

import static com.chatgptconnector.it.Api.str;
import static com.chatgptconnector.it.Fixtures.assertNoKey;
import static com.chatgptconnector.it.Fixtures.assertProblem;
import static com.chatgptconnector.it.Fixtures.chatgpt;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.crypto.ApiKeyCipher;
import com.chatgptconnector.crypto.MasterKeyring;
import com.chatgptconnector.crypto.UndecryptableValueException;
import com.chatgptconnector.it.Api.Auth;
import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The REST API on a real Payara Micro with the shipped WAR and a real database (H2 file, or
 * PostgreSQL with -Ppostgres). One deployment for all of it: each Payara boot costs seconds.
 * Tests never assume an empty database; each makes its own users and workspaces.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectorApiIT {

    static final Auth OPERATOR = Fixtures.OPERATOR;
    static final String PASSWORD = Fixtures.PASSWORD;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL url;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(url);
        fixtures = new Fixtures(api);
    }

    Fixtures fixtures;

    Auth newUser(String prefix) {
        return fixtures.newUser(prefix);
    }

    String newWorkspace(Auth admin, Auth member) {
        return fixtures.newWorkspace(admin, member);
    }

    Team newTeam() {
        return fixtures.newTeam();
    }

    void activate(Team team) {
        fixtures.activate(team);
    }

    long version(String ws, Auth auth) {
        return fixtures.version(ws, auth);
    }

    Reply putKey(Team team, Auth who, String key, long version) {
        return fixtures.putKey(team, who, key, version);
    }

    // ---------------------------------------------------------------- the journey of the issue

    @Test
    void operatorActivatesAndAdminStoresReadsReplacesAndRemovesKey() {
        Team team = newTeam();
        String ws = team.workspace();

        JsonObject initial = api.get(chatgpt(ws), team.admin()).json();
        assertEquals("DISABLED", initial.getString("status"));
        assertEquals("NONE", initial.getString("keySource"));

        assertEquals("REQUESTED", api.post(chatgpt(ws) + "/activation-request", team.admin(), null).json().getString("status"));
        List<String> openRequests = api.get("api/workspaces?chatgptStatus=REQUESTED", OPERATOR).array()
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
        assertTrue(openRequests.contains(ws), "the operator sees the open activation request");
        assertEquals("ACTIVE", api.post(chatgpt(ws) + "/activation", OPERATOR, null).json().getString("status"));

        Reply stored = putKey(team, team.admin(), TestKeys.WORKSPACE_KEY, version(ws, team.admin()));
        assertEquals(200, stored.status(), stored::toString);
        assertEquals("WORKSPACE", stored.json().getString("keySource"));
        assertEquals(TestKeys.WORKSPACE_KEY.substring(TestKeys.WORKSPACE_KEY.length() - 4), stored.json().getString("keyHint"));
        assertEquals("STORED", stored.json().getString("keyState"));
        assertNoKey(stored);

        Reply read = api.get(chatgpt(ws), team.member());
        assertEquals(200, read.status());
        assertEquals("1234", read.json().getString("keyHint"), "members see the masked hint");
        assertEquals("\"" + read.json().getJsonNumber("version").longValue() + "\"", read.header("ETag"));
        assertNoKey(read);

        Reply replaced = api.put(chatgpt(ws) + "/credentials?verify=false", team.admin(),
                "{\"apiKey\":" + str(TestKeys.REPLACEMENT_KEY) + ",\"organizationId\":\"org-Abc123\",\"projectId\":\"proj_Xyz789\"}",
                "If-Match", read.header("ETag"));
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("9876", replaced.json().getString("keyHint"));
        assertEquals("org-Abc123", replaced.json().getString("organizationId"));
        assertEquals("proj_Xyz789", replaced.json().getString("projectId"));
        assertNoKey(replaced);

        Reply removed = api.delete(chatgpt(ws) + "/credentials", team.admin());
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("NONE", removed.json().getString("keySource"));
        assertTrue(!removed.json().containsKey("keyHint") || removed.json().isNull("keyHint"));

        Reply audit = api.get(chatgpt(ws) + "/audit", team.admin());
        assertEquals(200, audit.status());
        List<String> actions = audit.array().getValuesAs(JsonObject.class).stream().map(o -> o.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("ACTIVATION_REQUESTED", "ACTIVATED", "KEY_STORED", "KEY_REPLACED", "KEY_REMOVED")), actions::toString);
        assertEquals("KEY_REMOVED", actions.get(0), "newest first");
        assertNoKey(audit);
        assertEquals(200, api.get(chatgpt(ws) + "/audit", OPERATOR).status(), "operators read the audit too");
    }

    @Test
    void refusedTransitionsAnswer409NamingTheCurrentState() {
        Team team = newTeam();
        String ws = team.workspace();
        Reply suspendDisabled = api.post(chatgpt(ws) + "/suspension", OPERATOR, null);
        assertProblem(suspendDisabled, 409, "invalid_state_transition");
        assertEquals("DISABLED", suspendDisabled.json().getString("currentStatus"));

        activate(team);
        Reply again = api.post(chatgpt(ws) + "/activation-request", team.admin(), null);
        assertProblem(again, 409, "invalid_state_transition");
        assertEquals("ACTIVE", again.json().getString("currentStatus"));
        assertProblem(api.post(chatgpt(ws) + "/activation", OPERATOR, null), 409, "invalid_state_transition");

        assertEquals("SUSPENDED", api.post(chatgpt(ws) + "/suspension", OPERATOR, null).json().getString("status"));
        assertProblem(putKey(team, team.admin(), TestKeys.WORKSPACE_KEY, version(ws, team.admin())), 403, "chatgpt_not_activated");
        assertEquals("ACTIVE", api.post(chatgpt(ws) + "/activation", OPERATOR, null).json().getString("status"));
        assertEquals("DISABLED", api.delete(chatgpt(ws) + "/activation", OPERATOR).json().getString("status"));
        Reply deactivateTwice = api.delete(chatgpt(ws) + "/activation", OPERATOR);
        assertProblem(deactivateTwice, 409, "invalid_state_transition");
        assertEquals("DISABLED", deactivateTwice.json().getString("currentStatus"));
    }

    @Test
    void credentialsNeedActiveChatGptAndTheCurrentVersion() {
        Team team = newTeam();
        String ws = team.workspace();
        Reply notActive = putKey(team, team.admin(), TestKeys.WORKSPACE_KEY, version(ws, team.admin()));
        assertProblem(notActive, 403, "chatgpt_not_activated");
        assertTrue(notActive.json().getString("advice").contains("support"), notActive::toString);

        activate(team);
        Reply noIfMatch = api.put(chatgpt(ws) + "/credentials?verify=false", team.admin(), "{\"apiKey\":" + str(TestKeys.WORKSPACE_KEY) + "}");
        assertProblem(noIfMatch, 428, "precondition_required");

        long v = version(ws, team.admin());
        assertEquals(200, putKey(team, team.admin(), TestKeys.WORKSPACE_KEY, v).status());
        Reply stale = putKey(team, team.admin(), TestKeys.REPLACEMENT_KEY, v);
        assertProblem(stale, 409, "version_conflict");
        assertEquals(v + 1, stale.json().getJsonNumber("currentVersion").longValue());
        assertEquals("1234", api.get(chatgpt(ws), team.admin()).json().getString("keyHint"), "the stale write changed nothing");
        assertNoKey(stale);
    }

    @Test
    void concurrentWritesOfOneVersionLetExactlyOneWin() throws Exception {
        Team team = newTeam();
        activate(team);
        long v = version(team.workspace(), team.admin());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String key = i % 2 == 0 ? TestKeys.WORKSPACE_KEY : TestKeys.REPLACEMENT_KEY;
                replies.add(pool.submit((Callable<Reply>) () -> putKey(team, team.admin(), key, v)));
            }
            int ok = 0;
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertProblem(r, 409, "version_conflict");
                }
            }
            assertEquals(1, ok, "exactly one of the concurrent writes of version " + v + " wins");
            assertEquals(v + 1, version(team.workspace(), team.admin()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pastedKeysAreTrimmedOrRefusedWithAHelpfulMessageInBothLanguages() {
        Team team = newTeam();
        activate(team);
        String ws = team.workspace();

        Reply bearer = api.put(chatgpt(ws) + "/credentials?verify=false", team.admin(),
                "{\"apiKey\":" + str("Bearer " + TestKeys.REJECTED_KEY) + ",\"organizationId\":\"acme\",\"projectId\":\"project-1\"}",
                "If-Match", String.valueOf(version(ws, team.admin())));
        assertProblem(bearer, 400, "validation_failed");
        List<JsonObject> errors = bearer.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(List.of("apiKey:bearer_prefix", "organizationId:organization_format", "projectId:project_format"),
                errors.stream().map(e -> e.getString("field") + ":" + e.getString("code")).toList());
        assertTrue(errors.get(0).getString("message").contains("Bearer"), bearer::toString);
        assertNoKey(bearer);

        Reply german = api.put(chatgpt(ws) + "/credentials?verify=false", team.admin(), "{\"apiKey\":\"sk-with space inside 1234567890\"}",
                "If-Match", String.valueOf(version(ws, team.admin())), "Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
        assertProblem(german, 400, "validation_failed");
        assertEquals("Ungültige Eingabe", german.json().getString("title"));
        assertTrue(german.json().getJsonArray("errors").getJsonObject(0).getString("message").contains("Leerzeichen"), german::toString);

        Reply newline = api.put(chatgpt(ws) + "/credentials?verify=false", team.admin(),
                "{\"apiKey\":" + str(TestKeys.PASTED_KEY + "\r\n") + ",\"organizationId\":\"\"}",
                "If-Match", String.valueOf(version(ws, team.admin())));
        assertEquals(200, newline.status(), newline::toString);
        assertEquals("Nn88", newline.json().getString("keyHint"), "the trailing newline was trimmed, not stored");
        assertTrue(!newline.json().containsKey("organizationId") || newline.json().isNull("organizationId"));

        assertProblem(api.put(chatgpt(ws) + "/credentials?verify=false", team.admin(), "{\"apiKey\":" ,
                "If-Match", String.valueOf(version(ws, team.admin()))), 400, "malformed_request");
        assertProblem(api.put(chatgpt(ws) + "/credentials?verify=false", team.admin(), "{\"apiKey\":\"sk-admin-" + "a".repeat(40) + "\"}",
                "If-Match", String.valueOf(version(ws, team.admin()))), 400, "validation_failed");
    }

    @Test
    void operatorStoresAVendorKeyAndDeactivationRemovesIt() {
        Team team = newTeam();
        activate(team);
        String ws = team.workspace();
        Reply vendor = putKey(team, OPERATOR, TestKeys.VENDOR_KEY, version(ws, OPERATOR));
        assertEquals(200, vendor.status(), vendor::toString);
        assertEquals("VENDOR", vendor.json().getString("keySource"));
        assertEquals("5555", api.get(chatgpt(ws), team.admin()).json().getString("keyHint"));

        Reply suspended = api.post(chatgpt(ws) + "/suspension", OPERATOR, null);
        assertEquals("VENDOR", suspended.json().getString("keySource"), "a suspension keeps the key");
        Reply deactivated = api.delete(chatgpt(ws) + "/activation", OPERATOR);
        assertEquals("DISABLED", deactivated.json().getString("status"));
        assertEquals("NONE", deactivated.json().getString("keySource"), "deactivation removes the key");
    }

    @Test
    void theDatabaseHoldsOnlyCiphertextBoundToTheWorkspace() throws Exception {
        Team team = newTeam();
        activate(team);
        assertEquals(200, putKey(team, team.admin(), TestKeys.WORKSPACE_KEY, version(team.workspace(), team.admin())).status());
        try (Connection db = Database.connect();
             PreparedStatement select = db.prepareStatement("select * from chatgpt_settings where workspace_id = ?")) {
            select.setString(1, team.workspace());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                String stored = row.getString("encrypted_key");
                assertTrue(stored.matches("v1:it2:[A-Za-z0-9_-]+"), stored);
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String value = row.getString(column);
                    for (int i = 0; value != null && i + 8 <= TestKeys.WORKSPACE_KEY.length(); i++) {
                        assertFalse(value.contains(TestKeys.WORKSPACE_KEY.substring(i, i + 8)),
                                "column " + row.getMetaData().getColumnName(column) + " holds key material");
                    }
                }
                // the ciphertext decrypts with the configured ring only for its own workspace
                ApiKeyCipher cipher = new ApiKeyCipher(MasterKeyring.parse(System.getProperty("it.crypto.keyring"),
                        System.getProperty("it.crypto.active-key")));
                assertEquals(TestKeys.WORKSPACE_KEY, cipher.decrypt(team.workspace(), stored));
                assertThrowsUndecryptable(() -> cipher.decrypt(team.otherWorkspace(), stored));
            }
        }
    }

    static void assertThrowsUndecryptable(Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(com.chatgptconnector.crypto.UndecryptableValueException.class, call);
    }

    @Test
    void rotationMovesOldKeysToTheActiveMasterKeyAndMarksUndecryptableOnes() throws Exception {
        Team team = newTeam();
        activate(team);
        Team broken = newTeam();
        activate(broken);
        MasterKeyring oldRing = MasterKeyring.parse(System.getProperty("it.crypto.keyring"), "it1");
        String underOldKey = new ApiKeyCipher(oldRing).encrypt(team.workspace(), TestKeys.WORKSPACE_KEY);
        String underUnknownKey = "v1:gone:" + underOldKey.substring("v1:it1:".length());
        writeKeyColumn(team.workspace(), underOldKey);
        writeKeyColumn(broken.workspace(), underUnknownKey);

        Reply job = api.post("api/operations/key-reencryption", OPERATOR, null);
        assertEquals(200, job.status(), job::toString);
        assertTrue(job.json().getInt("reencrypted") >= 1, job::toString);
        assertTrue(job.json().getInt("unreadable") >= 1, job::toString);

        String moved = readKeyColumn(team.workspace());
        assertTrue(moved.startsWith("v1:it2:"), moved);
        assertEquals(TestKeys.WORKSPACE_KEY, new ApiKeyCipher(oldRing).decrypt(team.workspace(), moved));
        assertEquals("STORED", api.get(chatgpt(team.workspace()), team.admin()).json().getString("keyState"));

        JsonObject brokenView = api.get(chatgpt(broken.workspace()), broken.admin()).json();
        assertEquals("MUST_BE_REENTERED", brokenView.getString("keyState"));
        Reply reentered = putKey(broken, broken.admin(), TestKeys.REPLACEMENT_KEY, brokenView.getJsonNumber("version").longValue());
        assertEquals("STORED", reentered.json().getString("keyState"), reentered::toString);
    }

    void writeKeyColumn(String ws, String value) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement update = db.prepareStatement("update chatgpt_settings set encrypted_key = ?, key_hint = 'abcd', "
                     + "key_source = 'WORKSPACE', updated_at = ?, version = version + 1 where workspace_id = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setString(3, ws);
            assertEquals(1, update.executeUpdate());
        }
    }

    String readKeyColumn(String ws) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement select = db.prepareStatement("select encrypted_key from chatgpt_settings where workspace_id = ?")) {
            select.setString(1, ws);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    @Test
    void errorsAreProblemDetailsWithoutStackTraces() {
        Team team = newTeam();
        assertProblem(api.get("api/workspaces", Auth.ANONYMOUS), 401, "unauthorized");
        Reply wrongPassword = api.get("api/workspaces", new Auth(team.admin().username(), "wrong password!!"));
        assertProblem(wrongPassword, 401, "unauthorized");
        assertNotNull(wrongPassword.header("WWW-Authenticate"));
        assertProblem(api.get("api/workspaces", new Auth("nobody-" + UUID.randomUUID(), PASSWORD)), 401, "unauthorized");
        assertProblem(api.get("api/no-such-thing", team.admin()), 404, "not_found");
        assertProblem(api.send("PATCH", chatgpt(team.workspace()), team.admin(), "{}"), 405, "method_not_allowed");
        assertProblem(api.post("api/workspaces", OPERATOR, "{\"name\": [1, 2"), 400, "malformed_request");
        assertProblem(api.post("api/workspaces", OPERATOR, "{\"name\": \"  \"}"), 400, "validation_failed");
        assertProblem(api.put("api/workspaces/" + team.workspace() + "/members/" + team.member().username(), OPERATOR,
                "{\"role\":\"OWNER\"}"), 400, "malformed_request");
        assertProblem(api.put("api/workspaces/" + team.workspace() + "/members/nobody-" + UUID.randomUUID(), OPERATOR,
                "{\"role\":\"MEMBER\"}"), 404, "user_not_found");
        assertProblem(api.delete("api/workspaces/" + team.workspace() + "/members/" + team.admin().username(), OPERATOR),
                409, "last_admin");
        Reply german = api.get("api/workspaces/" + UUID.randomUUID() + "/chatgpt", team.admin(), "Accept-Language", "de");
        assertProblem(german, 404, "workspace_not_found");
        assertEquals("Workspace nicht gefunden", german.json().getString("title"));
        Reply duplicate = api.post("api/users", OPERATOR, "{\"username\":" + str(team.admin().username()) + ",\"password\":" + str(PASSWORD) + "}");
        assertProblem(duplicate, 409, "already_exists");
    }

    @Test
    void aChangedOrRemovedMembershipAppliesToTheVeryNextRequest() {
        Team team = newTeam();
        String member = "api/workspaces/" + team.workspace() + "/members/" + team.member().username();
        String audit = chatgpt(team.workspace()) + "/audit";
        assertProblem(api.get(audit, team.member()), 403, "forbidden");
        assertEquals(200, api.put(member, OPERATOR, "{\"role\":\"ADMIN\"}").status());
        assertEquals(200, api.get(audit, team.member()).status(), "promoted: admin at once");
        assertEquals(200, api.put(member, OPERATOR, "{\"role\":\"MEMBER\"}").status());
        assertProblem(api.get(audit, team.member()), 403, "forbidden");
        assertEquals(200, api.get(chatgpt(team.workspace()), team.member()).status());
        assertEquals(204, api.delete(member, OPERATOR).status());
        assertProblem(api.get(chatgpt(team.workspace()), team.member()), 404, "workspace_not_found");
    }

    @Test
    void theSessionCookieIsTheConnectorsOwnHttpOnlyStrictAndSecureOnlyOverHttps() {
        String form = "{\"username\":\"operator\",\"password\":\"operator-dev-password\"}";
        Reply plain = api.post("api/session", Auth.ANONYMOUS, form, "X-Requested-With", "page");
        assertEquals(200, plain.status(), plain::toString);
        List<String> cookies = plain.headers().allValues("Set-Cookie");
        assertEquals(1, cookies.size(), () -> "one cookie, the connector's: " + cookies);
        String cookie = cookies.get(0);
        assertTrue(cookie.startsWith("connector_session="), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Strict"), cookie);
        assertTrue(cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP without a proxy's word: not Secure");
        String session = cookie.substring(0, cookie.indexOf(';'));

        Reply current = api.get("api/session", Auth.ANONYMOUS, "Cookie", session, "X-Requested-With", "page");
        assertEquals(200, current.status(), current::toString);
        assertEquals("operator", current.json().getString("username"));

        // the ITs trust X-Forwarded-Proto (connector.proxy.trust-forwarded-proto=true, as behind a TLS proxy)
        Reply proxied = api.post("api/session", Auth.ANONYMOUS, form, "X-Requested-With", "page", "X-Forwarded-Proto", "https");
        String secure = proxied.headers().allValues("Set-Cookie").get(0);
        assertTrue(secure.startsWith("connector_session=") && secure.contains("; Secure") && secure.contains("; SameSite=Strict"), secure);

        Reply signOut = api.delete("api/session", Auth.ANONYMOUS, "Cookie", session, "X-Requested-With", "page",
                "X-CSRF-Token", current.json().getString("csrfToken"));
        assertEquals(204, signOut.status(), signOut::toString);
        assertTrue(signOut.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("connector_session=;") && c.contains("Max-Age=0")),
                () -> "the cookie is cleared: " + signOut.headers().allValues("Set-Cookie"));
        assertEquals(401, api.get("api/session", Auth.ANONYMOUS, "Cookie", session, "X-Requested-With", "page").status(),
                "the session is gone after sign-out");
    }

    @Test
    void healthAndOpenApiAreServed() {
        Reply ready = api.get("/health/ready", Auth.ANONYMOUS);
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("database"), ready::toString);
        Reply openapi = api.get("/openapi", Auth.ANONYMOUS);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/workspaces/{ws}/chatgpt/credentials"), "the OpenAPI document lists the API");
    }

    // ---------------------------------------------------------------- workspaces with their first admin

    @Test
    void aWorkspaceAndItsFirstAdminAreCreatedInOneRequestOrNotAtAll() {
        Auth admin = newUser("first-admin");
        String name = "With admin " + UUID.randomUUID();
        Reply created = api.post("api/workspaces", OPERATOR, "{\"name\":" + str(name) + ",\"adminUsername\":" + str(admin.username()) + "}");
        assertEquals(201, created.status(), created::toString);
        String ws = created.json().getString("id");
        JsonObject member = api.get("api/workspaces/" + ws + "/members", OPERATOR).array().getJsonObject(0);
        assertEquals(admin.username(), member.getString("username"));
        assertEquals("ADMIN", member.getString("role"));
        JsonObject seen = api.get("api/workspaces", admin).array().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("id").equals(ws)).findFirst().orElseThrow();
        assertEquals("ADMIN", seen.getString("role"), "the admin may act at once");
        List<String> actions = api.get(chatgpt(ws) + "/audit", admin).array().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("action")).toList();
        assertEquals(List.of("MEMBER_ADDED", "WORKSPACE_CREATED"), actions);

        String orphan = "Orphan " + UUID.randomUUID();
        Reply refused = api.post("api/workspaces", OPERATOR, "{\"name\":" + str(orphan) + ",\"adminUsername\":\"nobody-" + UUID.randomUUID() + "\"}");
        assertProblem(refused, 404, "user_not_found");
        assertEquals("adminUsername", refused.json().getString("field"), "the page marks the field");
        assertFalse(api.get("api/workspaces", OPERATOR).body().contains(orphan), "no workspace without its admin is left behind");

        Reply withoutAdmin = api.post("api/workspaces", OPERATOR, "{\"name\":\"No admin yet\",\"adminUsername\":\"  \"}");
        assertEquals(201, withoutAdmin.status(), "the admin stays optional: " + withoutAdmin);
        assertEquals(0, api.get("api/workspaces/" + withoutAdmin.json().getString("id") + "/members", OPERATOR).array().size());
    }

    // ---------------------------------------------------------------- the request list

    @Test
    void theRequestListPagesNewestFirstAndFiltersByOutcome() throws Exception {
        Team team = newTeam();
        String ws = team.workspace();
        Reply block = api.post(chatgpt(ws) + "/blocks", team.admin(),
                "{\"name\":\"Summary\",\"model\":\"gpt-4o-mini\",\"userPrompt\":\"Summarise {{text}}\",\"responseFormat\":\"text\"}");
        assertEquals(201, block.status(), block::toString);
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        // two records at the same instant: the id decides their order
        long first = insertUsage(ws, null, team.admin().username(), "ok", t, "req_1");
        long limited = insertUsage(ws, null, "token:nightly job", "rate_limited", t.plusSeconds(1), "req_2");
        long sameTime = insertUsage(ws, null, team.admin().username(), "ok", t.plusSeconds(1), "req_3");
        long noCredit = insertUsage(ws, null, team.member().username(), "insufficient_quota", t.plusSeconds(2), null);
        long newest = insertUsage(ws, block.json().getString("id"), team.member().username(), "ok", t.plusSeconds(3), "req_5");
        insertUsage(team.otherWorkspace(), null, team.otherAdmin().username(), "ok", t.plusSeconds(4), "req_other");

        String list = chatgpt(ws) + "/requests";
        JsonObject page1 = api.get(list + "?limit=2", team.admin()).json();
        assertEquals(List.of(newest, noCredit), ids(page1));
        JsonObject top = page1.getJsonArray("items").getJsonObject(0);
        assertEquals("Summary", top.getString("blockName"));
        assertEquals("gpt-4o-mini", top.getString("model"));
        assertEquals(30, top.getInt("totalTokens"));
        assertEquals(120, top.getInt("latencyMs"));
        assertEquals("req_5", top.getString("openaiRequestId"));
        assertEquals("user", top.getString("callerType"));
        assertEquals(team.member().username(), top.getString("caller"));
        assertEquals("2026-03-02T09:00:03Z", top.getString("occurredAt"));

        // a request arriving between two pages neither shifts nor repeats what the client has
        insertUsage(ws, null, team.admin().username(), "ok", t.plusSeconds(60), "req_later");
        JsonObject page2 = api.get(list + "?limit=2&before=" + page1.getString("next"), team.admin()).json();
        assertEquals(List.of(sameTime, limited), ids(page2));
        JsonObject tokenCall = page2.getJsonArray("items").getJsonObject(1);
        assertEquals("token", tokenCall.getString("callerType"));
        assertEquals("nightly job", tokenCall.getString("caller"));
        assertFalse(tokenCall.containsKey("blockId"), "a call of the OpenAI-compatible endpoint has no block");
        JsonObject page3 = api.get(list + "?limit=2&before=" + page2.getString("next"), OPERATOR).json();
        assertEquals(List.of(first), ids(page3));
        assertTrue(page3.isNull("next"), "the last page says so");

        assertEquals(List.of(noCredit, limited), ids(api.get(list + "?outcome=error", team.admin()).json()));
        assertEquals(List.of(limited), ids(api.get(list + "?outcome=rate_limited", team.admin()).json()));
        assertEquals(4, ids(api.get(list + "?outcome=ok", team.admin()).json()).size());
        assertEquals(List.of(), ids(api.get(list + "?outcome=openai_timeout", team.admin()).json()));

        Reply badCursor = api.get(list + "?before=not-a-cursor", team.admin());
        assertProblem(badCursor, 400, "validation_failed");
        assertEquals("before", badCursor.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply badOutcome = api.get(list + "?outcome=DROP%20TABLE", team.admin());
        assertProblem(badOutcome, 400, "validation_failed");
        assertEquals("outcome", badOutcome.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(api.get(list, team.member()), 403, "forbidden");
        assertProblem(api.get(list, team.otherAdmin()), 404, "workspace_not_found");
    }

    static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("id").longValue()).toList();
    }

    /** A usage record as the service writes it, at a chosen time; returns its id. */
    long insertUsage(String ws, String blockId, String actor, String outcome, Instant at, String requestId) throws Exception {
        try (Connection db = Database.connect()) {
            boolean postgres = db.getMetaData().getURL().startsWith("jdbc:postgresql");
            long id;
            try (PreparedStatement next = db.prepareStatement(postgres ? "select nextval('usage_record_seq')" : "select next value for usage_record_seq");
                 ResultSet row = next.executeQuery()) {
                assertTrue(row.next());
                id = row.getLong(1);
            }
            try (PreparedStatement insert = db.prepareStatement("insert into usage_record (id, workspace_id, block_id, actor, model, "
                    + "prompt_tokens, completion_tokens, outcome, latency_ms, openai_request_id, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, ws);
                insert.setString(3, blockId);
                insert.setString(4, actor);
                insert.setString(5, "gpt-4o-mini");
                boolean ok = "ok".equals(outcome);
                insert.setLong(6, ok ? 20 : 0);
                insert.setLong(7, ok ? 10 : 0);
                insert.setString(8, outcome);
                insert.setLong(9, 120);
                insert.setString(10, requestId);
                insert.setObject(11, at.atOffset(java.time.ZoneOffset.UTC));
                assertEquals(1, insert.executeUpdate());
            }
            return id;
        }
    }

    // ---------------------------------------------------------------- the role matrix

    /** Anonymous, member, admin, admin of another workspace, operator. */
    enum Who { ANONYMOUS, MEMBER, ADMIN, OTHER_ADMIN, OPERATOR }

    enum Precondition { NONE, DISABLED, REQUESTED, ACTIVE, ACTIVE_WITH_KEY }

    record Row(String name, String method, String path, Precondition state, Function<Team, String> body, int... expected) {
    }

    @Test
    void everyEndpointAnswersEveryKindOfCallerAsTheRoleTableSays() {
        Auth spare = newUser("spare");
        List<Row> rows = List.of(
                new Row("list workspaces", "GET", "api/workspaces", Precondition.NONE, t -> null, 401, 200, 200, 200, 200),
                new Row("create workspace", "POST", "api/workspaces", Precondition.NONE, t -> "{\"name\":\"matrix\"}", 401, 403, 403, 403, 201),
                new Row("create user", "POST", "api/users", Precondition.NONE,
                        t -> "{\"username\":\"u-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"" + PASSWORD + "\"}", 401, 403, 403, 403, 201),
                new Row("me", "GET", "api/me", Precondition.NONE, t -> null, 401, 200, 200, 200, 200),
                new Row("list members", "GET", "api/workspaces/{ws}/members", Precondition.DISABLED, t -> null, 401, 403, 200, 404, 200),
                new Row("add member", "PUT", "api/workspaces/{ws}/members/" + spare.username(), Precondition.DISABLED, t -> "{\"role\":\"MEMBER\"}", 401, 403, 201, 404, 201),
                new Row("remove member", "DELETE", "api/workspaces/{ws}/members/{member}", Precondition.DISABLED, t -> null, 401, 403, 204, 404, 204),
                new Row("read settings", "GET", "api/workspaces/{ws}/chatgpt", Precondition.DISABLED, t -> null, 401, 200, 200, 404, 200),
                new Row("request activation", "POST", "api/workspaces/{ws}/chatgpt/activation-request", Precondition.DISABLED, t -> null, 401, 403, 200, 404, 403),
                new Row("activate", "POST", "api/workspaces/{ws}/chatgpt/activation", Precondition.REQUESTED, t -> null, 401, 403, 403, 404, 200),
                new Row("suspend", "POST", "api/workspaces/{ws}/chatgpt/suspension", Precondition.ACTIVE, t -> null, 401, 403, 403, 404, 200),
                new Row("deactivate", "DELETE", "api/workspaces/{ws}/chatgpt/activation", Precondition.ACTIVE, t -> null, 401, 403, 403, 404, 200),
                new Row("store key", "PUT", "api/workspaces/{ws}/chatgpt/credentials?verify=false", Precondition.ACTIVE,
                        t -> "{\"apiKey\":" + str(TestKeys.WORKSPACE_KEY) + "}", 401, 403, 200, 404, 200),
                new Row("remove key", "DELETE", "api/workspaces/{ws}/chatgpt/credentials", Precondition.ACTIVE_WITH_KEY, t -> null, 401, 403, 200, 404, 200),
                new Row("read audit", "GET", "api/workspaces/{ws}/chatgpt/audit", Precondition.DISABLED, t -> null, 401, 403, 200, 404, 200),
                new Row("list requests", "GET", "api/workspaces/{ws}/chatgpt/requests", Precondition.DISABLED, t -> null, 401, 403, 200, 404, 200),
                new Row("re-encrypt keys", "POST", "api/operations/key-reencryption", Precondition.NONE, t -> null, 401, 403, 403, 403, 200),
                new Row("readiness", "GET", "/health/ready", Precondition.NONE, t -> null, 200, 200, 200, 200, 200));

        Auth admin = newUser("matrix-admin");
        Auth member = newUser("matrix-member");
        Auth other = newUser("matrix-other");
        String otherWorkspace = newWorkspace(other, null);
        List<Executable> cells = new ArrayList<>();
        for (Row row : rows) {
            for (Who who : Who.values()) {
                Team team = row.state() == Precondition.NONE ? new Team(null, admin, member, other, otherWorkspace)
                        : prepare(new Team(newWorkspace(admin, member), admin, member, other, otherWorkspace), row.state());
                Auth auth = switch (who) {
                    case ANONYMOUS -> Auth.ANONYMOUS;
                    case MEMBER -> member;
                    case ADMIN -> admin;
                    case OTHER_ADMIN -> other;
                    case OPERATOR -> OPERATOR;
                };
                String path = row.path().replace("{ws}", String.valueOf(team.workspace())).replace("{member}", member.username());
                String[] headers = row.state() == Precondition.NONE ? new String[0]
                        : new String[]{"If-Match", String.valueOf(version(team.workspace(), admin))};
                Reply reply = api.send(row.method(), path, auth, row.body().apply(team), headers);
                int expected = row.expected()[who.ordinal()];
                cells.add(() -> assertEquals(expected, reply.status(), row.name() + " as " + who + ": " + reply));
                if (reply.status() >= 400) {
                    cells.add(() -> assertTrue(reply.contentType().startsWith("application/problem+json"), row.name() + " as " + who));
                }
                cells.add(() -> assertNoKey(reply));
            }
        }
        assertAll(cells);
    }

    Team prepare(Team team, Precondition state) {
        String ws = chatgpt(team.workspace());
        if (state == Precondition.DISABLED) {
            return team;
        }
        assertEquals(200, api.post(ws + "/activation-request", team.admin(), null).status());
        if (state == Precondition.REQUESTED) {
            return team;
        }
        assertEquals(200, api.post(ws + "/activation", OPERATOR, null).status());
        if (state == Precondition.ACTIVE_WITH_KEY) {
            assertEquals(200, putKey(team, team.admin(), TestKeys.WORKSPACE_KEY, version(team.workspace(), team.admin())).status());
        }
        return team;
    }

}
