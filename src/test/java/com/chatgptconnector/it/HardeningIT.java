package com.chatgptconnector.it;

import static com.chatgptconnector.it.Fixtures.OPERATOR;
import static com.chatgptconnector.it.Fixtures.PASSWORD;
import static com.chatgptconnector.it.Fixtures.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.it.Api.Auth;
import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attacker's probe of issue 29, run again: sign-in throttling (Basic, the sign-in form,
 * workspace API tokens), the lock's expiry and the clean address that still signs in, the page
 * and API headers, public endpoints with wrong credentials, and odd input. The client address is
 * taken from X-Forwarded-For here (arquillian.xml sets connector.security.client-address-header),
 * so each test plays its own attacker and its own clean address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL url;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void connect() {
        api = new Api(url);
        fixtures = new Fixtures(api);
    }

    /** An address of the documentation range, new for each test. */
    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(100, 250) + "." + r.nextInt(1, 250);
    }

    @Test
    void theSixthWrongPasswordOverBasicWaitsEvenWithTheRightOneWhileACleanAddressSignsInAndTheLockExpires() throws Exception {
        Auth user = fixtures.newUser("throttled");
        Auth wrong = new Auth(user.username(), "not the password");
        String attacker = address();
        for (int i = 1; i <= 5; i++) {
            assertProblem(api.get("api/workspaces", wrong, "X-Forwarded-For", attacker), 401, "unauthorized");
        }
        Reply locked = api.get("api/workspaces", wrong, "X-Forwarded-For", attacker, "Accept-Language", "de");
        assertProblem(locked, 429, "too_many_attempts");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1, locked::toString);
        assertTrue(locked.json().getString("detail").contains("Anmeldungen"), locked::toString);
        assertTrue(locked.json().getBoolean("retryable"));

        // the right password from the attacker's address waits too: guessing cannot go on
        assertProblem(api.get("api/workspaces", user, "X-Forwarded-For", attacker), 429, "too_many_attempts");
        // the owner at another address is not locked out
        assertEquals(200, api.get("api/workspaces", user, "X-Forwarded-For", address()).status());

        // more wrong passwords while locked are refused without being checked; the lock expires
        assertProblem(api.get("api/workspaces", wrong, "X-Forwarded-For", attacker), 429, "too_many_attempts");
        Thread.sleep(retryAfter * 1000 + 500);
        assertEquals(200, api.get("api/workspaces", user, "X-Forwarded-For", attacker).status(), "the lock expired");

        // an operator reads the lock in the audit log
        Reply audit = api.get("api/workspaces/system/chatgpt/audit?action=SIGN_IN_LOCKED&limit=500", OPERATOR);
        assertEquals(200, audit.status(), audit::toString);
        assertTrue(audit.body().contains("account " + user.username().toLowerCase(java.util.Locale.ROOT) + " locked until"),
                audit::toString);
    }

    @Test
    void callersWithValidCredentialsNeitherReadNorWriteTheFailureCounts() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("it.db.url").startsWith("jdbc:postgresql:"),
                "PostgreSQL counts every table access (pg_stat_user_tables); H2 does not");
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        Reply created = api.post(Fixtures.chatgpt(team.workspace()) + "/tokens", team.admin(), "{\"name\":\"sdk\"}");
        String token = created.json().getString("token");
        String address = address();
        // warm: the first sign-in of each user checks its password
        api.get("api/workspaces", team.member(), "X-Forwarded-For", address);
        long[] before = failureTableAccesses();
        for (int i = 0; i < 50; i++) {
            assertEquals(200, api.get("api/workspaces", team.member(), "X-Forwarded-For", address).status());
            int withToken = api.get("api/workspaces/" + team.workspace() + "/openai/v1/models", Auth.ANONYMOUS,
                    "Authorization", "Bearer " + token, "X-Forwarded-For", address).status();
            assertTrue(withToken != 401 && withToken != 429, "the token signs in: " + withToken);
            assertEquals(200, api.post("api/session", Auth.ANONYMOUS, "{\"username\":\"" + team.member().username()
                    + "\",\"password\":\"" + PASSWORD + "\"}", "X-Forwarded-For", address).status());
        }
        long[] after = failureTableAccesses();
        assertEquals(before[0], after[0], "no scan of sign_in_failure for 150 valid sign-ins");
        assertEquals(before[1], after[1], "no index read of sign_in_failure");
        assertEquals(before[2], after[2], "no row written");
    }

    /**
     * Scans, index reads and rows written of sign_in_failure so far, once PostgreSQL has published
     * them: a backend that went idle publishes its counts within 10 s (PostgreSQL 15).
     */
    static long[] failureTableAccesses() throws Exception {
        Thread.sleep(11_000);
        try (java.sql.Connection c = Database.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (java.sql.ResultSet r = s.executeQuery("select coalesce(seq_scan, 0), coalesce(idx_scan, 0), "
                    + "n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables "
                    + "where relname = 'sign_in_failure' and schemaname = current_schema()")) {
                assertTrue(r.next(), "sign_in_failure exists in the test schema");
                return new long[]{r.getLong(1), r.getLong(2), r.getLong(3)};
            }
        }
    }

    @Test
    void theSignInFormIsThrottledAndAnsweredInTheCallersLanguage() {
        Auth user = fixtures.newUser("formthrottled");
        String attacker = address();
        String wrong = "{\"username\":\"" + user.username() + "\",\"password\":\"wrong\"}";
        for (int i = 1; i <= 5; i++) {
            Reply reply = api.post("api/session", Auth.ANONYMOUS, wrong, "X-Forwarded-For", attacker);
            assertProblem(reply, 401, "unauthorized");
        }
        Reply locked = api.post("api/session", Auth.ANONYMOUS, wrong, "X-Forwarded-For", attacker, "Accept-Language", "en");
        assertProblem(locked, 429, "too_many_attempts");
        assertNotNull(locked.header("Retry-After"), locked::toString);
        assertTrue(locked.json().getString("detail").startsWith("Too many failed sign-ins"), locked::toString);

        String right = "{\"username\":\"" + user.username() + "\",\"password\":\"" + PASSWORD + "\"}";
        assertProblem(api.post("api/session", Auth.ANONYMOUS, right, "X-Forwarded-For", attacker), 429, "too_many_attempts");
        assertEquals(200, api.post("api/session", Auth.ANONYMOUS, right, "X-Forwarded-For", address()).status());
    }

    @Test
    void guessedWorkspaceTokensLockTheAddressWithOpenAisEnvelopeWhileAValidTokenStillWorksElsewhere() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String path = "api/workspaces/" + team.workspace() + "/openai/v1/models";
        String attacker = address();
        Reply last = null;
        for (int i = 0; i < 40 && (last == null || last.status() == 401); i++) {
            last = api.get(path, Auth.ANONYMOUS, "Authorization", "Bearer cct_guess" + i, "X-Forwarded-For", attacker);
        }
        assertEquals(429, last.status(), last::toString);
        JsonObject error = last.json().getJsonObject("error");
        assertEquals("too_many_attempts", error.getString("code"));
        assertEquals("rate_limit_error", error.getString("type"));
        assertNotNull(last.header("retry-after"), last::toString);

        Reply created = api.post(Fixtures.chatgpt(team.workspace()) + "/tokens", team.admin(), "{\"name\":\"sdk\"}");
        assertEquals(201, created.status(), created::toString);
        String token = created.json().getString("token");
        Reply fromElsewhere = api.get(path, Auth.ANONYMOUS, "Authorization", "Bearer " + token, "X-Forwarded-For", address());
        assertTrue(fromElsewhere.status() != 401 && fromElsewhere.status() != 429, fromElsewhere::toString);
    }

    @Test
    void thePagesCarryAStrictContentSecurityPolicyAndHaveNoInlineScriptOrStyle() {
        Reply page = api.get("", Auth.ANONYMOUS);
        assertEquals(200, page.status(), page::toString);
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp, page::toString);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        // what the policy would block: every script from a file, no handler or style attribute, no style element
        Matcher scripts = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page.body());
        while (scripts.find()) {
            assertTrue(scripts.group().contains("src="), "inline script: " + scripts.group());
        }
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(), page.body());
        assertFalse(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(), page.body());

        for (String asset : new String[]{"assets/app.js", "assets/app.css"}) {
            Reply file = api.get(asset, Auth.ANONYMOUS);
            assertEquals(200, file.status(), asset);
            assertEquals("nosniff", file.header("X-Content-Type-Options"), asset);
        }
        Reply apiAnswer = api.get("api/workspaces", OPERATOR);
        assertEquals("nosniff", apiAnswer.header("X-Content-Type-Options"));
        assertEquals("no-referrer", apiAnswer.header("Referrer-Policy"));
        Reply refused = api.get("api/workspaces", Auth.ANONYMOUS);
        assertEquals("nosniff", refused.header("X-Content-Type-Options"), refused::toString);
    }

    @Test
    void publicEndpointsIgnoreWrongCredentials() {
        Auth stale = new Auth("operator", "a stale password");
        for (String path : new String[]{"/health/ready", "/health/live", "/health", "metrics", "/openapi"}) {
            assertEquals(200, api.get(path, Auth.ANONYMOUS).status(), path);
            assertEquals(200, api.get(path, stale).status(), path + " with a wrong password");
            assertEquals(200, api.get(path, Auth.ANONYMOUS, "Authorization", "Bearer cct_stale").status(), path + " with a stale token");
        }
    }

    @Test
    void oddInputAndContainerErrorsAnswerAsProblemsWhereTheContainerLetsUs() {
        String ws = fixtures.newTeam().workspace();
        // Payara refuses a %00 in the path itself, with an empty 400, before the application sees
        // it (docs/operations.md, "What the container answers before the application"): there the
        // status is all we can check. WildFly lets it through, and the application answers.
        Reply nul = api.get("api/workspaces/" + ws + "%00/chatgpt", OPERATOR);
        if (nul.body().isEmpty()) {
            assertEquals(400, nul.status(), nul::toString);
        } else {
            assertProblem(nul, 404, "workspace_not_found");
        }
        assertFalse(nul.body().contains("Exception"), nul::toString);

        Reply encoded = api.get("api/workspaces/" + ws + "%0A/chatgpt", OPERATOR);
        assertProblem(encoded, 404, "workspace_not_found");
        Reply noFile = api.get("assets/nothing-here.js", Auth.ANONYMOUS);
        assertProblem(noFile, 404, "not_found");
        assertEquals("nosniff", noFile.header("X-Content-Type-Options"));
        Reply wrongMethod = api.send("DELETE", "index.html", Auth.ANONYMOUS, null);
        assertTrue(wrongMethod.status() == 403 || wrongMethod.status() == 405, wrongMethod::toString);
        assertTrue(wrongMethod.contentType().startsWith("application/problem+json"), wrongMethod::toString);
        Reply hidden = api.get("WEB-INF/web.xml", Auth.ANONYMOUS);
        if (ServerProcess.wildfly()) {
            // Undertow refuses WEB-INF itself, with its own small HTML 404, before any error page
            assertEquals(404, hidden.status(), hidden::toString);
            assertFalse(hidden.body().contains("web-app"), hidden::toString);
        } else {
            assertProblem(hidden, 404, "not_found");
        }
        Reply unknownApi = api.get("api/nothing-here", OPERATOR);
        assertProblem(unknownApi, 404, "not_found");
    }
}
