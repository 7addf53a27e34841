package com.chatgptconnector.it;

import static com.chatgptconnector.it.Api.str;
import static com.chatgptconnector.it.Fixtures.OPERATOR;
import static com.chatgptconnector.it.Fixtures.assertNoKey;
import static com.chatgptconnector.it.Fixtures.assertProblem;
import static com.chatgptconnector.it.Fixtures.chatgpt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAI connection against a fake OpenAI (WireMock, real HTTP on loopback) answering with
 * the bodies and headers of ../shared/openai: every row of the error catalogue, the transport
 * faults, retries, the per-workspace circuit breaker, and the connection test as a user sees it
 * in English and German. The server is configured with a 2 s read timeout and short backoffs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenAiConnectionIT {

    static WireMockServer openai;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL url;

    Api api;
    Fixtures fixtures;

    @BeforeAll
    static void startFakeOpenAi() {
        openai = FakeOpenAi.startForDeployment();
    }

    @AfterAll
    static void stopFakeOpenAi() {
        openai.stop();
    }

    @BeforeEach
    void setUp() {
        api = new Api(url);
        fixtures = new Fixtures(api);
        openai.resetAll();
        openai.stubFor(models(TestKeys.GOOD).willReturn(json(200, "models.json")));
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, "chat-completion.json")));
    }

    // ------------------------------------------------------------------ fake OpenAI

    static MappingBuilder models(String key) {
        return FakeOpenAi.models(key);
    }

    static MappingBuilder chat(String key) {
        return FakeOpenAi.chat(key);
    }

    /** A sample body with a request id derived from its name, so tests can tell answers apart. */
    static ResponseDefinitionBuilder json(int status, String sample) {
        return FakeOpenAi.json(status, FakeOpenAi.sample(sample), "req_" + sample.replaceAll("[^a-z]", ""));
    }

    int modelCalls(String key) {
        return openai.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v1/models"))
                .withHeader("Authorization", equalTo("Bearer " + key)).build()).getCount();
    }

    Reply connectionTest(Team team, String language) {
        return api.post(chatgpt(team.workspace()) + "/connection-test", team.admin(), null, "Accept-Language", language);
    }

    // ------------------------------------------------------------------ the connection test

    @Test
    void aWorkingKeyIsReportedOkAndSendsKeyOrganizationAndProject() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, "org-Abc123", "proj_Xyz789");
        Reply ok = connectionTest(team, "en");
        assertEquals(200, ok.status(), ok::toString);
        assertTrue(ok.json().getBoolean("ok"));
        assertEquals("models", ok.json().getString("checkedWith"));
        assertEquals("req_modelsjson", ok.json().getString("openaiRequestId"));
        assertNoKey(ok);
        openai.verify(1, getRequestedFor(urlPathEqualTo("/v1/models"))
                .withHeader("Authorization", equalTo("Bearer " + TestKeys.GOOD))
                .withHeader("OpenAI-Organization", equalTo("org-Abc123"))
                .withHeader("OpenAI-Project", equalTo("proj_Xyz789")));

        Team plain = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        assertEquals(200, connectionTest(plain, "en").status());
        openai.verify(1, getRequestedFor(urlPathEqualTo("/v1/models"))
                .withHeader("OpenAI-Organization", absent()).withHeader("OpenAI-Project", absent()));
    }

    @Test
    void aRevokedKeyIsInvalidInBothLanguagesAndNeverRetried() {
        openai.stubFor(models(TestKeys.REVOKED).willReturn(json(401, "error-invalid-api-key.json")));
        Team team = fixtures.activeTeamWithKey(TestKeys.REVOKED, null, null);

        Reply en = connectionTest(team, "en");
        assertProblem(en, 424, "api_key_invalid");
        JsonObject body = en.json();
        assertEquals("API key rejected by OpenAI", body.getString("title"));
        assertEquals("OpenAI does not accept this API key: it is wrong, revoked or deleted.", body.getString("detail"));
        assertTrue(body.getString("advice").contains("replace the API key"), en::toString);
        assertEquals("invalid_api_key", body.getString("openaiCode"));
        assertEquals("req_errorinvalidapikeyjson", body.getString("openaiRequestId"));
        assertFalse(body.getBoolean("retryable"));
        assertNoKey(en);

        Reply de = connectionTest(team, "de-DE,de;q=0.9");
        assertProblem(de, 424, "api_key_invalid");
        assertEquals("OpenAI akzeptiert diesen API-Schlüssel nicht: Er ist falsch, widerrufen oder gelöscht.", de.json().getString("detail"));
        assertEquals(2, modelCalls(TestKeys.REVOKED), "one call a test: a 401 is never retried");
    }

    @Test
    void aWrongOrganizationIsToldApartFromARevokedKey() {
        openai.stubFor(models(TestKeys.GOOD).withHeader("OpenAI-Organization", equalTo("org-Wrong1"))
                .atPriority(1).willReturn(json(401, "error-mismatched-organization.json")));
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, "org-Wrong1", null);
        Reply reply = connectionTest(team, "en");
        assertProblem(reply, 424, "api_key_invalid");
        assertEquals("mismatched_organization", reply.json().getString("openaiCode"));
        assertEquals("The organization ID does not belong to this API key.", reply.json().getString("detail"));
        assertEquals("Die Organisations-ID gehört nicht zu diesem API-Schlüssel.", connectionTest(team, "de").json().getString("detail"));
    }

    @Test
    void aKeyWithoutCreditIsInsufficientQuotaAndNeverRetried() {
        openai.stubFor(models(TestKeys.NO_CREDIT).willReturn(json(429, "error-insufficient-quota.json").withHeader("retry-after", "1")));
        Team team = fixtures.activeTeamWithKey(TestKeys.NO_CREDIT, null, null);
        Reply en = connectionTest(team, "en");
        assertProblem(en, 402, "insufficient_quota");
        assertEquals("No credit on the OpenAI account", en.json().getString("title"));
        assertTrue(en.json().getString("advice").contains("Add credit"), en::toString);
        assertFalse(en.json().getBoolean("retryable"));
        Reply de = connectionTest(team, "de");
        assertEquals("Kein Guthaben auf dem OpenAI-Konto", de.json().getString("title"));
        assertEquals(2, modelCalls(TestKeys.NO_CREDIT), "insufficient_quota is never retried");
    }

    @Test
    void aRestrictedKeyThatMayChatIsNotReportedInvalid() {
        openai.stubFor(models(TestKeys.RESTRICTED).willReturn(json(401, "error-insufficient-permissions.json")));
        openai.stubFor(chat(TestKeys.RESTRICTED).willReturn(json(200, "chat-completion.json")));
        Team team = fixtures.activeTeamWithKey(TestKeys.RESTRICTED, null, null);
        Reply reply = connectionTest(team, "en");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.json().getBoolean("ok"));
        assertEquals("chat", reply.json().getString("checkedWith"));
        assertEquals("api.model.read", reply.json().getString("missingPermission"));
        assertTrue(reply.json().getString("message").contains("api.model.read"));
        openai.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + TestKeys.RESTRICTED)));
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitOpenAiAsksFor() {
        openai.stubFor(models(TestKeys.RATE_LIMITED).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "error-rate-limit-requests.json").withHeader("retry-after-ms", "700").withHeader("retry-after", "1"))
                .willSetStateTo("passed"));
        openai.stubFor(models(TestKeys.RATE_LIMITED).inScenario("rate").whenScenarioStateIs("passed").willReturn(json(200, "models.json")));
        Team team = fixtures.activeTeamWithKey(TestKeys.RATE_LIMITED, null, null);
        long started = System.nanoTime();
        Reply reply = connectionTest(team, "en");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(2, modelCalls(TestKeys.RATE_LIMITED));
        assertTrue(tookMillis >= 700, "retry-after-ms honoured, waited only " + tookMillis + " ms");
    }

    @Test
    void aRateLimitLongerThanTheCapIsAnsweredAtOnceWithTheWait() {
        openai.stubFor(models(TestKeys.RATE_LIMITED_LONG).willReturn(json(429, "error-rate-limit-tokens.json").withHeader("retry-after", "45")));
        Team team = fixtures.activeTeamWithKey(TestKeys.RATE_LIMITED_LONG, null, null);
        Reply en = connectionTest(team, "en");
        assertProblem(en, 429, "rate_limited");
        assertEquals(45, en.json().getInt("retryAfterSeconds"));
        assertEquals("45", en.header("Retry-After"));
        assertTrue(en.json().getBoolean("retryable"));
        assertEquals("The rate limit of the OpenAI account was reached. Try again in 45 seconds.", en.json().getString("detail"));
        assertEquals("Das Ratenlimit des OpenAI-Kontos ist erreicht. Versuchen Sie es in 45 Sekunden erneut.",
                connectionTest(team, "de").json().getString("detail"));
        assertEquals(2, modelCalls(TestKeys.RATE_LIMITED_LONG), "a wait beyond the cap is not slept through");
    }

    @Test
    void serverErrorsAreRetriedThenUnavailable() {
        openai.stubFor(models(TestKeys.DOWN).willReturn(json(503, "error-overloaded.json")));
        Team team = fixtures.activeTeamWithKey(TestKeys.DOWN, null, null);
        Reply en = connectionTest(team, "en");
        assertProblem(en, 503, "openai_unavailable");
        assertTrue(en.json().getBoolean("retryable"));
        assertEquals("OpenAI is unavailable", en.json().getString("title"));
        assertTrue(en.json().getString("advice").contains("status page"));
        assertEquals(3, modelCalls(TestKeys.DOWN), "three attempts");
        assertEquals("OpenAI ist nicht erreichbar", connectionTest(team, "de").json().getString("title"));
    }

    @Test
    void otherAnswersAreInvalidRequestOrUpstreamError() {
        openai.stubFor(models(TestKeys.BAD_REQUEST).willReturn(json(404, "error-model-not-found.json")));
        openai.stubFor(models(TestKeys.TEAPOT).willReturn(aResponse().withStatus(418).withBody("<html>teapot</html>")));
        Reply invalid = connectionTest(fixtures.activeTeamWithKey(TestKeys.BAD_REQUEST, null, null), "en");
        assertProblem(invalid, 422, "invalid_request");
        assertEquals("model_not_found", invalid.json().getString("openaiCode"));
        Reply other = connectionTest(fixtures.activeTeamWithKey(TestKeys.TEAPOT, null, null), "en");
        assertProblem(other, 502, "upstream_error");
        assertTrue(other.json().getString("advice").contains("request ID"));
        assertEquals(1, modelCalls(TestKeys.TEAPOT));
    }

    @Test
    void transportFaultsBecomeUnavailableOrTimeoutAfterRetries() {
        // the reset hits the chat completion (a POST, reached through a restricted key's fallback):
        // a non-idempotent call must be attempted exactly as often as we retry, never repeated
        // behind our back by the HTTP client
        openai.stubFor(models(TestKeys.RESET).willReturn(json(401, "error-insufficient-permissions.json")));
        openai.stubFor(chat(TestKeys.RESET).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        openai.stubFor(models(TestKeys.EMPTY).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        openai.stubFor(models(TestKeys.MALFORMED).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        openai.stubFor(models(TestKeys.SLOW).willReturn(json(200, "models.json").withFixedDelay(3_000)));

        assertProblem(connectionTest(fixtures.activeTeamWithKey(TestKeys.RESET, null, null), "en"), 503, "openai_unavailable");
        assertProblem(connectionTest(fixtures.activeTeamWithKey(TestKeys.EMPTY, null, null), "en"), 503, "openai_unavailable");
        Reply malformed = connectionTest(fixtures.activeTeamWithKey(TestKeys.MALFORMED, null, null), "en");
        assertTrue(malformed.status() == 503 || malformed.status() == 502, malformed::toString);
        assertNoKey(malformed);
        Reply slow = connectionTest(fixtures.activeTeamWithKey(TestKeys.SLOW, null, null), "en");
        assertProblem(slow, 504, "openai_timeout");
        assertEquals(3, openai.countRequestsMatching(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + TestKeys.RESET)).build()).getCount());
        assertEquals(3, modelCalls(TestKeys.SLOW));
    }

    @Test
    void missingKeyAndInactiveSettingsAreRefusedBeforeOpenAiIsCalled() {
        Team team = fixtures.newTeam();
        assertProblem(api.post(chatgpt(team.workspace()) + "/connection-test", team.admin(), null), 403, "chatgpt_not_activated");
        fixtures.activate(team);
        Reply missing = api.post(chatgpt(team.workspace()) + "/connection-test", team.admin(), null);
        assertProblem(missing, 409, "api_key_missing");
        assertEquals(0, openai.getAllServeEvents().size());
        assertProblem(api.post(chatgpt(team.workspace()) + "/connection-test", team.member(), null), 403, "forbidden");
    }

    // ------------------------------------------------------------------ isolation between workspaces

    @Test
    void oneWorkspacesBrokenKeyNeverBlocksAnother() {
        openai.stubFor(models(TestKeys.REVOKED).willReturn(json(401, "error-invalid-api-key.json")));
        Team broken = fixtures.activeTeamWithKey(TestKeys.REVOKED, null, null);
        Team healthy = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        for (int i = 0; i < 50; i++) {
            assertEquals(424, connectionTest(broken, "en").status());
            assertEquals(200, connectionTest(healthy, "en").status(), "request " + i + " of the healthy workspace");
        }
        assertEquals(50, modelCalls(TestKeys.REVOKED), "a rejected key does not open the breaker: each answer is OpenAI's");
    }

    @Test
    void aWorkspaceWhoseOpenAiIsDownOpensOnlyItsOwnCircuit() {
        openai.stubFor(models(TestKeys.DOWN).willReturn(json(500, "error-server.json")));
        Team down = fixtures.activeTeamWithKey(TestKeys.DOWN, null, null);
        Team healthy = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        connectionTest(down, "en");
        connectionTest(down, "en");
        int before = modelCalls(TestKeys.DOWN);
        Reply open = connectionTest(down, "en");
        assertProblem(open, 503, "openai_unavailable");
        assertTrue(open.json().getInt("retryAfterSeconds") > 0, open::toString);
        assertEquals(before, modelCalls(TestKeys.DOWN), "the open circuit answers without calling OpenAI");
        assertEquals(200, connectionTest(healthy, "en").status(), "another workspace is not affected");

        Reply ready = api.get("/health/ready", Api.Auth.ANONYMOUS);
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("\"openai\""), ready::toString);
        assertTrue(ready.body().matches("(?s).*\"openCircuits\":\\s*\"?[1-9].*"), ready::toString);
    }

    // ------------------------------------------------------------------ checking a key before it is stored

    @Test
    void aKeyIsCheckedBeforeItIsStored() {
        openai.stubFor(models(TestKeys.REVOKED).willReturn(json(401, "error-invalid-api-key.json")));
        openai.stubFor(models(TestKeys.NO_CREDIT).willReturn(json(429, "error-insufficient-quota.json")));
        Team team = fixtures.newTeam();
        fixtures.activate(team);
        String ws = team.workspace();

        Reply rejected = api.put(chatgpt(ws) + "/credentials", team.admin(), "{\"apiKey\":" + str(TestKeys.REVOKED) + "}",
                "If-Match", String.valueOf(fixtures.version(ws, team.admin())));
        assertProblem(rejected, 424, "api_key_invalid");
        assertEquals("NONE", api.get(chatgpt(ws), team.admin()).json().getString("keySource"), "a rejected key is not stored");

        Reply noCredit = api.put(chatgpt(ws) + "/credentials", team.admin(), "{\"apiKey\":" + str(TestKeys.NO_CREDIT) + "}",
                "If-Match", String.valueOf(fixtures.version(ws, team.admin())));
        assertEquals(200, noCredit.status(), noCredit::toString);
        assertFalse(noCredit.json().getJsonObject("verification").getBoolean("ok"));
        assertEquals("insufficient_quota", noCredit.json().getJsonObject("verification").getString("code"));
        assertEquals("3333", noCredit.json().getString("keyHint"));

        Reply good = api.put(chatgpt(ws) + "/credentials", team.admin(), "{\"apiKey\":" + str(TestKeys.GOOD) + "}",
                "If-Match", String.valueOf(fixtures.version(ws, team.admin())));
        assertEquals(200, good.status(), good::toString);
        assertTrue(good.json().getJsonObject("verification").getBoolean("ok"));
        assertNoKey(good);

        // the application's own endpoint, inside the deployment (at the server root in production)
        Reply metrics = api.get("metrics", Api.Auth.ANONYMOUS, "Accept", "text/plain");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("openai_calls_total"), () -> "calls are counted by outcome: " + metrics.body().lines().filter(l -> l.startsWith("openai")).toList());
        assertTrue(metrics.body().contains("api_key_invalid"), "failures are counted by error code");
    }
}
