package com.chatgptconnector.it;

import static com.chatgptconnector.it.Api.str;
import static com.chatgptconnector.it.Fixtures.OPERATOR;
import static com.chatgptconnector.it.Fixtures.assertNoKey;
import static com.chatgptconnector.it.Fixtures.assertProblem;
import static com.chatgptconnector.it.Fixtures.chatgpt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.boundary.hotpath.HotPathFilter;
import com.chatgptconnector.it.Api.Auth;
import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Building blocks, the OpenAI-compatible endpoint (driven by the official OpenAI Java SDK),
 * workspace API tokens, usage and the token limit, against a fake OpenAI on loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BuildingBlocksIT {

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
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, sample("chat-completion.json"))));
    }

    static MappingBuilder chat(String key) {
        return FakeOpenAi.chat(key);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return FakeOpenAi.json(status, body, "req_fake");
    }

    static String sample(String name) {
        return FakeOpenAi.sample(name);
    }

    /** A chat completion whose answer is {@code content} and whose usage is the given tokens. */
    static String completion(String content, long prompt, long completion) {
        return Json.createObjectBuilder(Json.createReader(new StringReader(sample("chat-completion.json"))).readObject())
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0).add("finish_reason", "stop")
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", prompt).add("completion_tokens", completion)
                        .add("total_tokens", prompt + completion))
                .build().toString();
    }

    String createBlock(Team team, String name, String userPrompt, String responseFormat) {
        Reply created = api.post(chatgpt(team.workspace()) + "/blocks", team.admin(),
                "{\"name\":" + str(name) + ",\"model\":\"gpt-4o-mini\",\"systemPrompt\":\"You are terse.\",\"userPrompt\":" + str(userPrompt)
                        + ",\"temperature\":0.2,\"maxOutputTokens\":200,\"responseFormat\":\"" + responseFormat + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    Reply run(Team team, Auth who, String block, String variablesJson) {
        return api.post(chatgpt(team.workspace()) + "/blocks/" + block + "/runs", who, "{\"variables\":" + variablesJson + "}");
    }

    JsonObject lastChatRequest() {
        List<LoggedRequest> requests = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        return Json.createReader(new StringReader(requests.get(requests.size() - 1).getBodyAsString())).readObject();
    }

    // ------------------------------------------------------------------ blocks

    @Test
    void anAdminDefinesABlockAndAMemberRunsIt() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, "org-Abc123", null);
        String block = createBlock(team, "Greeting", "Greet {{name}} from {{ city }} in one sentence.", "text");

        Reply listed = api.get(chatgpt(team.workspace()) + "/blocks", team.member());
        assertEquals(200, listed.status());
        JsonObject view = listed.array().getJsonObject(0);
        assertEquals(List.of("name", "city"), view.getJsonArray("variables").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertProblem(api.post(chatgpt(team.workspace()) + "/blocks", team.member(), "{\"name\":\"x\",\"model\":\"gpt-4o-mini\",\"userPrompt\":\"hi\"}"),
                403, "forbidden");

        Reply ran = run(team, team.member(), block, "{\"name\":\"Anna\",\"city\":\"Köln\"}");
        assertEquals(200, ran.status(), ran::toString);
        assertEquals("Guten Tag! Wie kann ich Ihnen heute helfen?", ran.json().getString("output"));
        assertEquals("stop", ran.json().getString("finishReason"));
        JsonObject usage = ran.json().getJsonObject("usage");
        assertEquals(usage.getInt("promptTokens") + usage.getInt("completionTokens"), usage.getInt("totalTokens"));

        JsonObject sent = lastChatRequest();
        assertEquals("gpt-4o-mini", sent.getString("model"));
        assertEquals(200, sent.getInt("max_completion_tokens"));
        assertEquals("You are terse.", sent.getJsonArray("messages").getJsonObject(0).getString("content"));
        assertEquals("Greet Anna from Köln in one sentence.", sent.getJsonArray("messages").getJsonObject(1).getString("content"));
        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("OpenAI-Organization", equalTo("org-Abc123")));

        assertEquals(200, run(team, team.member(), block, "{\"name\":42,\"city\":true}").status());
        assertEquals("Greet 42 from true in one sentence.", lastChatRequest().getJsonArray("messages").getJsonObject(1).getString("content"));
        String runs = chatgpt(team.workspace()) + "/blocks/" + block + "/runs";
        assertProblem(api.post(runs, team.member(), "{\"variables\": {\"name\": \"An"), 400, "malformed_request");
        assertProblem(api.post(runs, team.member(), "{\"variables\": [\"Anna\"]}"), 400, "malformed_request");
        assertProblem(api.post(runs, team.member(), "[]"), 400, "malformed_request");
    }

    /**
     * Runs are served without Jersey (hotpath.HotPathFilter) unless something about the request is
     * unusual; both ways must answer as the REST API always did.
     */
    @Test
    void aRunIsAnsweredTheSameWhicheverWayItIsServed() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String block = createBlock(team, "Greeting", "Greet {{name}}.", "text");
        String runs = chatgpt(team.workspace()) + "/blocks/" + block + "/runs";
        String body = "{\"variables\":{\"name\":\"Anna\"}}";

        // left to Jersey: a body that is not JSON, an Accept without JSON, no caller
        assertProblem(api.post(runs, team.member(), body, "Content-Type", "text/plain"), 415, "unsupported_media_type");
        assertProblem(api.post(runs, team.member(), body, "Accept", "text/html"), 406, "not_acceptable");
        assertProblem(api.post(runs, Auth.ANONYMOUS, body), 401, "unauthorized");
        assertEquals(0, openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size(), "OpenAI is not called");

        // taken on: the answer, its type and length, refusals in the caller's language, no workspace of another team
        Reply ran = api.post(runs, team.member(), body, "Accept", "application/json, text/plain, */*");
        assertEquals(200, ran.status(), ran::toString);
        assertEquals("application/json", ran.contentType());
        assertEquals(String.valueOf(ran.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length), ran.header("Content-Length"));
        Reply german = api.post(runs, team.member(), "{\"variables\":{}}", "Accept-Language", "de-DE,de;q=0.9");
        assertProblem(german, 422, "invalid_request");
        assertEquals("Ungültige Anfrage", german.json().getString("title"), german::toString);
        Team other = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        assertProblem(api.post(runs, other.member(), body), 404, "workspace_not_found");
        assertProblem(api.post(chatgpt(team.workspace()) + "/blocks/no-such-block/runs", team.member(), body), 404, "not_found");
    }

    @Test
    void missingVariablesAreNamedAndValuesAreNeverTemplateSyntax() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String block = createBlock(team, "Summary", "Summarise {{text}} for {{audience}}.", "text");

        Reply missing = run(team, team.member(), block, "{\"text\":\"hello\"}");
        assertProblem(missing, 422, "invalid_request");
        assertEquals("variables.audience", missing.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size(), "OpenAI is not called");

        Reply injected = run(team, team.member(), block, "{\"text\":\"{{audience}} and \\\\{{x}} $1\",\"audience\":\"{{text}}\"}");
        assertEquals(200, injected.status(), injected::toString);
        assertEquals("Summarise {{audience}} and \\{{x}} $1 for {{text}}.",
                lastChatRequest().getJsonArray("messages").getJsonObject(1).getString("content"));
    }

    @Test
    void aJsonBlockReturnsParsedJsonOrInvalidRequest() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String block = createBlock(team, "Extract", "Extract the city from {{text}} as JSON.", "json");
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, completion("{\"city\":\"Köln\",\"confidence\":0.9}", 20, 8))));
        Reply ok = run(team, team.member(), block, "{\"text\":\"Ich wohne in Köln\"}");
        assertEquals(200, ok.status(), ok::toString);
        assertEquals("Köln", ok.json().getJsonObject("output").getString("city"));
        assertEquals("json_object", lastChatRequest().getJsonObject("response_format").getString("type"));

        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, completion("Köln, I think", 20, 4))));
        Reply notJson = run(team, team.member(), block, "{\"text\":\"Ich wohne in Köln\"}");
        assertProblem(notJson, 422, "invalid_request");
    }

    @Test
    void concurrentBlockEditsAreDetectedAndModelsCanBeRestricted() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String block = createBlock(team, "Edit me", "Say {{x}}", "text");
        String path = chatgpt(team.workspace()) + "/blocks/" + block;
        String etag = api.get(path, team.member()).header("ETag");
        String body = "{\"name\":\"Edited\",\"model\":\"gpt-4o\",\"userPrompt\":\"Say {{x}} twice\"}";
        assertEquals(200, api.put(path, team.admin(), body, "If-Match", etag).status());
        assertProblem(api.put(path, team.admin(), body, "If-Match", etag), 409, "version_conflict");

        long v = fixtures.version(team.workspace(), team.admin());
        Reply policy = api.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"allowedModels\":[\"gpt-4o-mini\"]}", "If-Match", String.valueOf(v));
        assertEquals(200, policy.status(), policy::toString);
        Reply refused = run(team, team.member(), block, "{\"x\":\"hi\"}");
        assertProblem(refused, 422, "invalid_request");
        assertTrue(refused.json().getString("detail").contains("gpt-4o"), refused::toString);
    }

    // ------------------------------------------------------------------ the OpenAI-compatible endpoint with the official SDK

    OpenAIClient sdk(Team team, String token) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(url.toExternalForm().replaceAll("/$", "") + "/api/workspaces/" + team.workspace() + "/openai/v1")
                .apiKey(token)
                .maxRetries(0)
                .build();
    }

    String newToken(Team team) {
        Reply created = api.post(chatgpt(team.workspace()) + "/tokens", team.admin(), "{\"name\":\"internal tool\"}");
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.json().getString("token").startsWith("cct_"));
        return created.json().getString("token");
    }

    static ChatCompletionCreateParams hello() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Sag Hallo").maxCompletionTokens(50).build();
    }

    @Test
    void theOfficialSdkCompletesStreamsAndSeesUsageOnTheUsagePage() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, "proj_Xyz789");
        String block = createBlock(team, "Hello", "Sag Hallo zu {{name}}", "text");
        assertEquals(200, run(team, team.member(), block, "{\"name\":\"Anna\"}").status());
        String token = newToken(team);
        OpenAIClient client = sdk(team, token);

        ChatCompletion completion = client.chat().completions().create(hello());
        assertEquals("Guten Tag! Wie kann ich Ihnen heute helfen?", completion.choices().get(0).message().content().orElseThrow());
        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + TestKeys.GOOD))
                .withHeader("OpenAI-Project", equalTo("proj_Xyz789")));

        openai.stubFor(chat(TestKeys.GOOD).withRequestBody(containing("\"stream\":true")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(sample("chat-completion-stream.txt"))));
        String streamed;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(hello())) {
            streamed = stream.stream().flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining());
        }
        assertFalse(streamed.isBlank());
        assertTrue(lastChatRequest().getJsonObject("stream_options").getBoolean("include_usage"), "usage is asked for");

        Reply usage = api.get(chatgpt(team.workspace()) + "/usage", team.admin());
        assertEquals(200, usage.status(), usage::toString);
        JsonObject total = usage.json().getJsonObject("total");
        assertEquals(3, total.getInt("requests"), usage::toString);
        JsonObject sampleUsage = Json.createReader(new StringReader(sample("chat-completion.json"))).readObject().getJsonObject("usage");
        long streamTokens = streamUsage();
        assertEquals(2 * sampleUsage.getInt("total_tokens") + streamTokens, total.getJsonNumber("totalTokens").longValue(), usage::toString);
        List<String> blocks = usage.json().getJsonArray("byBlock").getValuesAs(JsonObject.class).stream().map(o -> o.getString("key")).toList();
        assertEquals(List.of("(direct)", "Hello"), blocks);

        Reply tokens = api.get(chatgpt(team.workspace()) + "/tokens", team.admin());
        assertFalse(tokens.body().contains(token), "the token is shown once, never listed");
        assertTrue(tokens.array().getJsonObject(0).containsKey("lastUsedAt"));
        assertNoKey(usage);
    }

    static long streamUsage() {
        String last = sample("chat-completion-stream.txt").lines().filter(l -> l.contains("\"usage\":{")).reduce((a, b) -> b).orElseThrow();
        return Json.createReader(new StringReader(last.substring(5).trim())).readObject().getJsonObject("usage").getInt("total_tokens");
    }

    @Test
    void theSdkRaisesItsOwnErrorClassesForOurAnswers() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String token = newToken(team);
        OpenAIClient client = sdk(team, token);

        assertThrows(UnauthorizedException.class, () -> sdk(team, "cct_not-a-token").chat().completions().create(hello()));

        openai.stubFor(chat(TestKeys.GOOD).atPriority(1).willReturn(json(429, sample("error-insufficient-quota.json"))));
        RateLimitException quota = assertThrows(RateLimitException.class, () -> client.chat().completions().create(hello()));
        assertEquals(429, quota.statusCode());
        assertEquals("insufficient_quota", quota.code().orElse(null), "OpenAI's own error code reaches the SDK");

        openai.stubFor(chat(TestKeys.GOOD).atPriority(1).willReturn(json(503, sample("error-overloaded.json"))));
        assertThrows(InternalServerException.class, () -> client.chat().completions().create(hello()));

        Reply revoked = api.delete(chatgpt(team.workspace()) + "/tokens/" + api.get(chatgpt(team.workspace()) + "/tokens", team.admin())
                .array().getJsonObject(0).getString("id"), team.admin());
        assertEquals(204, revoked.status());
        assertThrows(UnauthorizedException.class, () -> client.chat().completions().create(hello()));

        Team other = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        Reply elsewhere = api.post("api/workspaces/" + other.workspace() + "/openai/v1/chat/completions", new Auth(null, null),
                "{}", "Authorization", "Bearer " + newToken(team));
        assertEquals(404, elsewhere.status(), "a token knows only its own workspace: " + elsewhere);
        Reply settings = api.get(chatgpt(team.workspace()), new Auth(null, null), "Authorization", "Bearer " + newToken(team));
        assertEquals(403, settings.status(), "a token may use the OpenAI-compatible endpoint only: " + settings);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNeverReachesOpenAi() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String block = createBlock(team, "Echo", "Repeat {{text}}", "text");
        // the default limit is 4 MiB; this body is one byte over it
        String prefix = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String suffix = "\"}]}";
        String oversized = prefix + "a".repeat(4 * 1024 * 1024 + 1 - prefix.length() - suffix.length()) + suffix;
        String path = "api/workspaces/" + team.workspace() + "/openai/v1/chat/completions";

        Reply compatible = api.post(path, team.member(), oversized);
        assertEquals(413, compatible.status(), compatible::toString);
        assertEquals("request_too_large", compatible.json().getJsonObject("error").getString("code"));
        assertEquals("invalid_request_error", compatible.json().getJsonObject("error").getString("type"));

        String runs = chatgpt(team.workspace()) + "/blocks/" + block + "/runs";
        Reply run = api.post(runs, team.member(), "{\"variables\":{\"text\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}}",
                "Accept-Language", "de");
        assertProblem(run, 413, "request_too_large");
        assertTrue(run.json().getString("detail").contains("4096 KiB"), run::toString);
        assertEquals(0, openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size(), "OpenAI is not called");

        String justUnder = prefix + "a".repeat(4 * 1024 * 1024 - prefix.length() - suffix.length()) + suffix;
        assertEquals(200, api.post(path, team.member(), justUnder).status(), "a body at the limit is sent on");
        assertEquals(200, run(team, team.member(), block, "{\"text\":\"hello\"}").status());
    }

    @Test
    void bodiesPastTheInstancesBudgetAreAnswered503UntilEarlierOnesEnd() throws Exception {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        // OpenAI takes a second (the tests' read timeout is two), so all eight bodies are held at once
        openai.stubFor(chat(TestKeys.GOOD).atPriority(1).willReturn(json(200, sample("chat-completion.json")).withFixedDelay(1000)));
        String prefix = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String body = prefix + "a".repeat(3 * 1024 * 1024) + "\"}]}";
        String path = "api/workspaces/" + team.workspace() + "/openai/v1/chat/completions";

        // the default budget is 16 MiB: five bodies of 3 MiB fit, the sixth does not
        List<Reply> replies = inParallel(8, () -> api.post(path, team.member(), body));
        List<Reply> busy = replies.stream().filter(r -> r.status() == 503).toList();
        assertEquals(5, replies.stream().filter(r -> r.status() == 200).count(), replies::toString);
        assertEquals(3, busy.size(), replies::toString);
        assertEquals("service_busy", busy.get(0).json().getJsonObject("error").getString("code"));
        assertEquals("1", busy.get(0).headers().firstValue("retry-after").orElse(null), "SDKs wait and retry");
        assertEquals(5, openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size(), "refused bodies are not sent");

        // every claim came back when its request ended
        assertEquals(5, inParallel(5, () -> api.post(path, team.member(), body)).stream().filter(r -> r.status() == 200).count());
        String runs = chatgpt(team.workspace()) + "/blocks/" + createBlock(team, "Hello", "Sag Hallo zu {{name}}", "text") + "/runs";
        assertEquals(200, api.post(runs, team.member(), "{\"variables\":{\"name\":\"Anna\"}}").status());
    }

    static List<Reply> inParallel(int n, Callable<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTokenLimitStopsTheNextRequestExactlyAtTheLine() throws Exception {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Count to three\"}],\"max_tokens\":100}";
        long estimate = (body.length() + 3) / 4 + 100;
        // OpenAI reports exactly the reserved amount, so the outcome does not depend on timing
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, completion("1, 2, 3", estimate - 100, 100))));
        long v = fixtures.version(team.workspace(), team.admin());
        assertEquals(200, api.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"tokenLimit\":" + (3 * estimate) + "}",
                "If-Match", String.valueOf(v)).status());
        String path = "api/workspaces/" + team.workspace() + "/openai/v1/chat/completions";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.post(path, team.member(), body).status());
        }
        Reply over = api.post(path, team.member(), body);
        assertEquals(429, over.status(), over::toString);
        assertEquals("token_limit_reached", over.json().getJsonObject("error").getString("code"));
        assertEquals(3, openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size(), "the 4th never reached OpenAI");

        Reply blockOver = run(team, team.member(), createBlock(team, "Count", "Count to {{n}}", "text"), "{\"n\":\"3\"}");
        assertProblem(blockOver, 429, "token_limit_reached");
        assertEquals(3 * estimate, api.get(chatgpt(team.workspace()) + "/usage", team.admin()).json()
                .getJsonObject("total").getJsonNumber("totalTokens").longValue());
    }
}
