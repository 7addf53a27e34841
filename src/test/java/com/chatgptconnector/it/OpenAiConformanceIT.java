package com.chatgptconnector.it;

import static com.chatgptconnector.it.Fixtures.chatgpt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.moderations.ModerationCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.junit.jupiter.api.function.Executable;

/**
 * The conformance suite of the OpenAI-compatible endpoint: the real SDKs (openai-java, LangChain4j,
 * the Node {@code openai} package and the Python {@code openai} package) with their default retries, against the deployed service
 * and a fake OpenAI that answers with OpenAI's real shapes and headers (src/test/resources/openai).
 * Each prompt names its scenario ({@code <sdk> scenario:<name>}); the fake answers by it, and
 * counts the calls that reached it. One deployment for the whole suite.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenAiConformanceIT {

    static final String NODE_OPENAI = "openai@7.59.0";
    static final String PYTHON_OPENAI = "openai==3.22.1";
    static final String NEW_ID = "resp_{{randomValue length=20 type='ALPHANUMERIC'}}";
    static final String PATH_ID = "{{request.pathSegments.[2]}}";
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
        stubOpenAi();
    }

    // ------------------------------------------------------------------ the fake OpenAI

    static ResponseDefinitionBuilder json(int status, String body, String requestId) {
        ResponseDefinitionBuilder answer = FakeOpenAi.json(status, body, requestId).withHeader("openai-processing-ms", "12");
        for (String line : FakeOpenAi.sample("rate-limit-headers.txt").lines().toList()) {
            if (line.startsWith("x-ratelimit-")) {
                answer.withHeader(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return answer;
    }

    static ResponseDefinitionBuilder events(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withHeader("x-request-id", "req_stream")
                .withBody(body);
    }

    static String sample(String name) {
        return FakeOpenAi.sample(name);
    }

    void stubOpenAi() {
        String chat = "/v1/chat/completions";
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(9).willReturn(json(200, sample("chat-completion.json"), "req_chat")));
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(8).withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(events(sample("chat-completion-stream.txt"))));
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(1).withRequestBody(containing("scenario:cut-error"))
                .willReturn(events(sample("chat-completion-stream-error.txt"))));
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(1).withRequestBody(containing("scenario:cut-reset"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        // OpenAI's connection ends after two chunks: no finish, no [DONE]
        String firstTwo = String.join("\n\n", sample("chat-completion-stream.txt").split("\n\n")[0],
                sample("chat-completion-stream.txt").split("\n\n")[1]) + "\n\n";
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(1).withRequestBody(containing("scenario:cut-eof"))
                .willReturn(events(firstTwo)));
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(1).withRequestBody(containing("scenario:quota"))
                .willReturn(json(429, sample("error-insufficient-quota.json"), "req_quota")));
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(1).withRequestBody(containing("scenario:ratelimit"))
                .willReturn(json(429, sample("error-rate-limit-requests.json"), "req_ratelimit").withHeader("retry-after-ms", "20")
                        .withHeader("retry-after", "1")));
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(1).withRequestBody(containing("scenario:server"))
                .willReturn(json(500, sample("error-server.json"), "req_server")));
        openai.stubFor(post(urlPathEqualTo(chat)).atPriority(1).withRequestBody(containing("scenario:badkey"))
                .willReturn(json(401, sample("error-invalid-api-key.json"), "req_badkey")));

        // OpenAI's ids are unique: each response gets its own, and a read of one answers with its id
        openai.stubFor(post(urlPathEqualTo("/v1/responses")).atPriority(9).willReturn(json(200,
                sample("responses.json").replace("resp_fake20363c199d63", NEW_ID), "req_resp").withTransformers("response-template")));
        openai.stubFor(post(urlPathEqualTo("/v1/responses")).atPriority(4).withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(events(sample("responses-stream.txt").replace("resp_fakee86fc654f5de", NEW_ID))
                        .withTransformers("response-template")));
        openai.stubFor(get(urlPathMatching("/v1/responses/resp_[A-Za-z0-9_]+")).willReturn(json(200,
                sample("responses.json").replace("resp_fake20363c199d63", PATH_ID), "req_get").withTransformers("response-template")));
        openai.stubFor(delete(urlPathMatching("/v1/responses/resp_[A-Za-z0-9_]+")).willReturn(json(200,
                "{\"id\":\"" + PATH_ID + "\",\"object\":\"response\",\"deleted\":true}", "req_del").withTransformers("response-template")));
        openai.stubFor(post(urlPathMatching("/v1/responses/resp_[A-Za-z0-9_]+/cancel")).willReturn(json(200,
                sample("responses.json").replace("resp_fake20363c199d63", PATH_ID).replace("\"completed\"", "\"cancelled\""), "req_cancel")
                .withTransformers("response-template")));
        openai.stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(json(200, sample("embeddings.json"), "req_emb")));
        // one input, one vector
        openai.stubFor(post(urlPathEqualTo("/v1/embeddings")).atPriority(1).withRequestBody(containing("lc4j scenario:embed"))
                .willReturn(json(200, sample("embeddings.json").replaceFirst(", \\{\"object\": \"embedding\", \"index\": 1, [^}]*}", ""), "req_emb")));
        openai.stubFor(post(urlPathEqualTo("/v1/moderations")).willReturn(json(200, sample("moderation.json"), "req_mod")));
        openai.stubFor(get(urlPathEqualTo("/v1/models/gpt-4o-mini")).willReturn(json(200, sample("model.json"), "req_model")));
        openai.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(json(200, sample("models.json"), "req_models")));
        openai.stubFor(any(anyUrl()).atPriority(10).willReturn(json(404, sample("error-invalid-url.json"), "req_404")));
    }

    /** Prints how long an SDK call took to raise, with the calls that reached the fake: the ADR's measurements. */
    <T extends Throwable> T timed(String scenario, Class<T> type, Executable call) {
        return timed(scenario, scenario, type, call);
    }

    <T extends Throwable> T timed(String label, String scenario, Class<T> type, Executable call) {
        int before = callsWith("java scenario:" + scenario);
        long started = System.nanoTime();
        T raised = assertThrows(type, call);
        System.out.printf("RETRY-BUDGET %s: %d calls to OpenAI, raised after %d ms%n", label, callsWith("java scenario:" + scenario) - before,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return raised;
    }

    int callsWith(String text) {
        return openai.findAll(anyRequestedFor(anyUrl()).withRequestBody(containing(text))).size();
    }

    // ------------------------------------------------------------------ clients

    String base(Team team) {
        return url.toExternalForm().replaceAll("/$", "") + "/api/workspaces/" + team.workspace() + "/openai/v1";
    }

    String newToken(Team team) {
        Reply created = api.post(chatgpt(team.workspace()) + "/tokens", team.admin(), "{\"name\":\"conformance\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("token");
    }

    /** As a tool would build it: the SDK's default retries (2, so at most 3 attempts). */
    OpenAIClient java(Team team, String token) {
        return OpenAIOkHttpClient.builder().baseUrl(base(team)).apiKey(token).build();
    }

    static ChatCompletionCreateParams chat(String scenario) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("java scenario:" + scenario).build();
    }

    // ------------------------------------------------------------------ openai-java

    @Test
    void openAiJavaPlainStreamedResponsesEmbeddingsModerationsAndModels() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        OpenAIClient client = java(team, newToken(team));

        var completion = client.chat().completions().withRawResponse().create(chat("plain"));
        assertEquals("req_chat", completion.requestId().orElse(null), "OpenAI's request id");
        assertEquals("9999", completion.headers().values("x-ratelimit-remaining-requests").get(0));
        assertEquals("12", completion.headers().values("openai-processing-ms").get(0));
        assertFalse(completion.parse().choices().get(0).message().content().orElseThrow().isBlank());

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("stream"))) {
            stream.stream().forEach(chunks::add);
        }
        assertTrue(chunks.stream().allMatch(c -> !c.choices().isEmpty()), "no usage chunk for a client that did not ask: " + chunks);
        assertTrue(chunks.stream().noneMatch(c -> c.usage().isPresent()));
        assertEquals("Guten Tag!", chunks.stream().map(c -> c.choices().get(0).delta().content().orElse("")).collect(Collectors.joining()));

        List<ChatCompletionChunk> withUsage = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("stream").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(withUsage::add);
        }
        assertEquals(23, withUsage.get(withUsage.size() - 1).usage().orElseThrow().totalTokens(), "the usage chunk it asked for");

        Response response = client.responses().create(ResponseCreateParams.builder().model("gpt-4o-mini").input("java scenario:responses").build());
        assertTrue(response.id().startsWith("resp_"), response::toString);
        assertEquals(14, response.usage().orElseThrow().totalTokens());
        assertEquals(response.id(), client.responses().retrieve(response.id()).id());
        client.responses().cancel(response.id());

        List<String> types = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("java scenario:responses-stream").build())) {
            stream.stream().forEach(e -> types.add(e.isCompleted() ? "completed" : e.isOutputTextDelta() ? "delta" : "other"));
        }
        assertEquals("completed", types.get(types.size() - 1), types::toString);
        assertEquals(2, types.stream().filter("delta"::equals).count());

        var embeddings = client.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small")
                .input("java scenario:embed").build());
        assertEquals(2, embeddings.data().size());
        assertFalse(client.moderations().create(ModerationCreateParams.builder().input("java scenario:moderate").build())
                .results().get(0).flagged());
        assertEquals("gpt-4o-mini", client.models().retrieve("gpt-4o-mini").id());
        client.responses().delete(response.id());

        // what the usage page shows: every endpoint, with the tokens OpenAI reported
        JsonObject usage = api.get(chatgpt(team.workspace()) + "/usage", team.admin()).json();
        List<String> endpoints = usage.getJsonArray("byEndpoint").getValuesAs(JsonObject.class).stream().map(o -> o.getString("key")).toList();
        assertTrue(endpoints.containsAll(List.of("chat/completions", "responses", "responses.retrieve", "responses.cancel",
                "responses.delete", "embeddings", "moderations", "models.retrieve")), endpoints::toString);
        JsonObject responses = usage.getJsonArray("byEndpoint").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("key").equals("responses")).findFirst().orElseThrow();
        assertEquals(2 * 14, responses.getJsonNumber("totalTokens").longValue(), "plain and streamed: usage from response.completed");
        assertTrue(lastRequest("/v1/chat/completions").getJsonObject("stream_options").getBoolean("include_usage"),
                "the service asks OpenAI for the usage it counts");
    }

    /** The bytes of a streamed answer as they arrive, over a plain socket (HTTP/1.1, chunked), until the server closes. */
    String rawStream(Team team, String accept, String content) throws java.io.IOException {
        String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
        String auth = java.util.Base64.getEncoder().encodeToString(
                (team.member().username() + ":" + team.member().password()).getBytes(StandardCharsets.UTF_8));
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(20_000);
            String request = "POST " + url.getPath().replaceAll("/$", "") + "/api/workspaces/" + team.workspace()
                    + "/openai/v1/chat/completions HTTP/1.1\r\nHost: " + url.getHost() + "\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/json\r\nAccept: " + accept + "\r\nConnection: close\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(wire);
            } catch (java.net.SocketException reset) {
                // a reset is a broken-off body too
            }
            return wire.toString(StandardCharsets.UTF_8);
        }
    }

    JsonObject lastRequest(String path) {
        var requests = openai.findAll(postRequestedFor(urlPathEqualTo(path)));
        return Json.createReader(new StringReader(requests.get(requests.size() - 1).getBodyAsString())).readObject();
    }

    @Test
    void aCutStreamRaisesInTheSdkAndItsUsageRecordSaysSo() throws Exception {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        OpenAIClient client = java(team, newToken(team));
        for (String cut : List.of("cut-error", "cut-reset", "cut-eof")) {
            assertThrows(RuntimeException.class, () -> {
                try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat(cut))) {
                    stream.stream().forEach(chunk -> { });
                }
            }, cut + " must raise, not end as if complete");
        }
        // on the wire: the error event, and then the connection closed without the last chunk
        for (String accept : List.of("application/json", "text/event-stream")) {
            String wire = rawStream(team, accept, "raw scenario:cut-eof");
            assertTrue(wire.contains("\"code\":\"stream_interrupted\""), () -> accept + ": " + wire);
            assertFalse(wire.contains("[DONE]"), wire);
            assertFalse(wire.endsWith("\r\n0\r\n\r\n"), () -> accept + ": a body broken off, not a clean end: " + wire);
        }
        String whole = rawStream(team, "application/json", "raw scenario:stream");
        if (whole.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            assertTrue(whole.endsWith("\r\n0\r\n\r\n"), "a whole stream ends cleanly");
        } else {
            // after "Connection: close" WildFly's Undertow ends the body by closing (HTTP/1.1
            // allows it): there the stream's own end, [DONE], is what tells a whole one
            assertTrue(whole.contains("[DONE]"), () -> "a whole stream ends with [DONE]: " + whole);
        }

        JsonObject usage = api.get(chatgpt(team.workspace()) + "/usage", team.admin()).json();
        JsonObject interrupted = usage.getJsonArray("byErrorCode").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("key").equals("stream_interrupted")).findFirst().orElseThrow(() -> new AssertionError(usage.toString()));
        assertTrue(interrupted.getInt("requests") >= 3, usage::toString);
    }

    @Test
    void errorsKeepOpenAisShapeRequestIdAndOneRetryBudget() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        OpenAIClient client = java(team, newToken(team));

        RateLimitException quota = timed("quota", RateLimitException.class, () -> client.chat().completions().create(chat("quota")));
        assertEquals("insufficient_quota", quota.code().orElse(null));
        assertEquals("req_quota", quota.headers().values("x-request-id").get(0));
        assertEquals(1, callsWith("java scenario:quota"), "x-should-retry: false, so the SDK does not retry quota");

        RateLimitException limited = timed("ratelimit", RateLimitException.class, () -> client.chat().completions().create(chat("ratelimit")));
        assertEquals("rate_limit_exceeded", limited.code().orElse(null));
        assertEquals("20", limited.headers().values("retry-after-ms").get(0), "OpenAI's wait reaches the SDK");
        assertEquals(3, callsWith("java scenario:ratelimit"), "one retry budget: the SDK's 3 attempts, not 3 x 3");

        InternalServerException server = timed("server", InternalServerException.class, () -> client.chat().completions().create(chat("server")));
        assertEquals("req_server", server.headers().values("x-request-id").get(0));
        assertEquals(3, callsWith("java scenario:server"));

        UnauthorizedException badKey = timed("badkey", UnauthorizedException.class, () -> client.chat().completions().create(chat("badkey")));
        assertEquals("invalid_api_key", badKey.code().orElse(null));
        assertFalse(badKey.getMessage().contains("wxyz") || badKey.body().toString().contains("sk-"), "no key fragment: " + badKey.body());
        assertEquals(1, callsWith("java scenario:badkey"));

        NotFoundException unsupported = assertThrows(NotFoundException.class, () -> client.images().generate(
                com.openai.models.images.ImageGenerateParams.builder().prompt("java scenario:image").build()));
        assertEquals("unsupported_endpoint", unsupported.code().orElse(null));
        assertTrue(unsupported.getMessage().contains("responses"), unsupported::getMessage);
        assertNotNull(unsupported.headers().values("x-request-id").get(0));
        assertEquals(0, callsWith("java scenario:image"));
    }

    @Test
    void theTokenLimitAndAnOpenCircuitFailFastWithoutRetries() {
        Team limited = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        long v = fixtures.version(limited.workspace(), limited.admin());
        assertEquals(200, api.put(chatgpt(limited.workspace()) + "/policy", limited.admin(), "{\"tokenLimit\":10}",
                "If-Match", String.valueOf(v)).status());
        OpenAIClient client = java(limited, newToken(limited));
        long started = System.nanoTime();
        RateLimitException over = timed("limit", RateLimitException.class, () -> client.chat().completions().create(chat("limit")));
        assertEquals("token_limit_reached", over.code().orElse(null));
        assertEquals("false", over.headers().values("x-should-retry").get(0));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 2000, "no retries behind the refusal");
        assertEquals(0, callsWith("java scenario:limit"));

        // OpenAI down: each SDK call makes its 3 attempts until the workspace's circuit opens (5 failures)
        Team down = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        OpenAIClient downClient = java(down, newToken(down));
        for (int i = 0; i < 2; i++) {
            timed("server (circuit closed, call " + (i + 1) + ")", "server", InternalServerException.class,
                    () -> downClient.chat().completions().create(chat("server")));
        }
        int before = callsWith("java scenario:server");
        assertEquals(5, before, "the fifth failure opens the circuit; the sixth attempt is refused without a call");
        started = System.nanoTime();
        InternalServerException open = timed("server (circuit open)", "server", InternalServerException.class,
                () -> downClient.chat().completions().create(chat("server")));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals("openai_unavailable", open.code().orElse(null));
        assertEquals("false", open.headers().values("x-should-retry").get(0));
        assertTrue(open.headers().values("retry-after").isEmpty(), "no 30 s wait for the SDK to sleep through");
        assertTrue(ms < 2000, "the error within a few seconds, not after the breaker's 30 s: " + ms + " ms");
        assertEquals(before, callsWith("java scenario:server"), "an open circuit calls no one");
    }

    @Test
    void aWorkspaceReachesOnlyTheResponsesItCreated() {
        Team owner = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        Team other = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        OpenAIClient mine = java(owner, newToken(owner));
        OpenAIClient theirs = java(other, newToken(other));
        String id = mine.responses().create(ResponseCreateParams.builder().model("gpt-4o-mini").input("java scenario:own").build()).id();

        assertThrows(NotFoundException.class, () -> theirs.responses().retrieve(id));
        assertThrows(NotFoundException.class, () -> theirs.responses().delete(id));
        assertThrows(NotFoundException.class, () -> theirs.responses().cancel(id));
        NotFoundException continued = assertThrows(NotFoundException.class, () -> theirs.responses().create(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("java scenario:continue").previousResponseId(id).build()));
        assertEquals("previous_response_id", continued.param().orElse(null));
        assertThrows(NotFoundException.class, () -> theirs.responses().create(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("java scenario:conversation").conversation("conv_123").build()));
        assertEquals(0, callsWith("java scenario:continue") + callsWith("java scenario:conversation"));
        assertEquals(0, openai.findAll(anyRequestedFor(urlPathMatching("/v1/responses/.+"))).size(),
                "another workspace's id never reaches OpenAI");
        assertEquals(id, mine.responses().retrieve(id).id());
    }

    @Test
    void errorsOfThePathAndTheBodyAreInOpenAisEnvelope() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String v1 = "api/workspaces/" + team.workspace() + "/openai/v1/";
        List<Executable> checks = new ArrayList<>();
        record Case(String name, Reply reply, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("GET chat/completions", api.get(v1 + "chat/completions", team.member()), 405, "method_not_allowed"),
                new Case("unknown path", api.get(v1 + "files", team.member()), 404, "unsupported_endpoint"),
                new Case("text/plain body", api.post(v1 + "chat/completions", team.member(), "{}", "Content-Type", "text/plain"), 415,
                        "unsupported_media_type"),
                new Case("Accept text/html", api.post(v1 + "embeddings", team.member(), "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}",
                        "Accept", "text/html"), 406, "not_acceptable"),
                new Case("no model", api.post(v1 + "responses", team.member(), "{\"input\":\"x\"}"), 400, "validation_failed"),
                new Case("not JSON", api.post(v1 + "chat/completions", team.member(), "{\"model\":"), 400, "malformed_request"),
                new Case("anonymous", api.get(v1 + "models", Api.Auth.ANONYMOUS), 401, "unauthorized"));
        for (Case c : cases) {
            checks.add(() -> assertEquals(c.status(), c.reply().status(), c.name() + ": " + c.reply()));
            checks.add(() -> assertTrue(c.reply().contentType().startsWith("application/json"), c.name() + ": " + c.reply().contentType()));
            checks.add(() -> assertEquals(c.code(), c.reply().json().getJsonObject("error").getString("code"), c.name() + ": " + c.reply()));
            checks.add(() -> assertNotNull(c.reply().header("x-request-id"), c.name() + " has an x-request-id"));
        }
        Reply files = cases.get(1).reply();
        checks.add(() -> assertEquals("GET /v1/files is not offered here. Offered: POST chat/completions, POST responses, "
                        + "GET and DELETE responses/{id}, POST responses/{id}/cancel, POST embeddings, POST moderations, "
                        + "GET models, GET models/{id}.",
                files.json().getJsonObject("error").getString("message"), "what was asked, once, and what is offered"));
        Reply models = api.get(v1 + "models", team.member());
        checks.add(() -> assertEquals("req_models", models.header("x-request-id")));
        checks.add(() -> assertNull(models.header("set-cookie")));
        assertAll(checks);
    }

    // ------------------------------------------------------------------ LangChain4j

    @Test
    void langChain4jChatsStreamsAndEmbeds() throws Exception {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        String token = newToken(team);
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(base(team)).apiKey(token).modelName("gpt-4o-mini").build();
        assertFalse(model.chat("lc4j scenario:plain").isBlank());

        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(base(team)).apiKey(token).modelName("gpt-4o-mini").build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        streaming.chat("lc4j scenario:stream", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                partial.append(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse streamed = done.get(30, TimeUnit.SECONDS);
        assertEquals("Guten Tag!", partial.toString(), () -> "sent: " + lastRequest("/v1/chat/completions") + ", got " + streamed);
        assertEquals(23, streamed.tokenUsage().totalTokenCount(), "LangChain4j asks for the usage chunk and gets it");

        OpenAiEmbeddingModel embeddings = OpenAiEmbeddingModel.builder().baseUrl(base(team)).apiKey(token)
                .modelName("text-embedding-3-small").build();
        Embedding vector = embeddings.embed("lc4j scenario:embed").content();
        assertEquals(3, vector.dimension());

        CompletableFuture<ChatResponse> cut = new CompletableFuture<>();
        streaming.chat("lc4j scenario:cut-error", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                cut.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                cut.completeExceptionally(error);
            }
        });
        assertThrows(Exception.class, () -> cut.get(30, TimeUnit.SECONDS), "a cut stream is an error to LangChain4j too");
    }

    // ------------------------------------------------------------------ the Node SDK

    @Test
    void theNodeSdkWorksUnchanged() throws Exception {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        assertScriptedSdk("node", runScript(NODE_OPENAI, base(team), newToken(team)));
    }

    // ------------------------------------------------------------------ the Python SDK

    @Test
    void thePythonSdkWorksUnchanged() throws Exception {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        assertScriptedSdk("python", runScript(PYTHON_OPENAI, base(team), newToken(team)));
    }

    /** The same calls through the Node and the Python SDK (src/test/node, src/test/python): what each saw. */
    void assertScriptedSdk(String sdk, JsonObject r) {
        JsonObject chatPlain = r.getJsonObject("chatPlain");
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertTrue(chatPlain.getBoolean("ok"), chatPlain::toString));
        checks.add(() -> assertEquals("req_chat", chatPlain.getString("requestId")));
        JsonObject noUsage = r.getJsonObject("chatStreamNoUsage");
        checks.add(() -> assertTrue(noUsage.getBoolean("ok"), "chunk.choices[0] on every chunk: " + noUsage));
        checks.add(() -> assertEquals(0, noUsage.getInt("usageChunks", -1), noUsage::toString));
        checks.add(() -> assertEquals(23, r.getJsonObject("chatStreamUsage").getInt("usage", -1), r.getJsonObject("chatStreamUsage")::toString));
        for (String cut : List.of("cut-error", "cut-reset", "cut-eof")) {
            JsonObject c = r.getJsonObject("chatStream_" + cut);
            checks.add(() -> assertFalse(c.getBoolean("ok"), cut + " must raise: " + c));
        }
        JsonObject responses = r.getJsonObject("responsesPlain");
        checks.add(() -> assertEquals("Guten Tag!", responses.getString("text", null), responses::toString));
        checks.add(() -> assertEquals(responses.getString("id", "?"), responses.getString("retrieved", null), responses::toString));
        JsonObject responsesStream = r.getJsonObject("responsesStream");
        checks.add(() -> assertEquals(14, responsesStream.getInt("usage", -1), responsesStream::toString));
        checks.add(() -> assertEquals(2, r.getJsonObject("embeddings").getInt("vectors", -1), r.getJsonObject("embeddings")::toString));
        checks.add(() -> assertTrue(r.getJsonObject("moderations").getBoolean("ok"), r.getJsonObject("moderations")::toString));
        checks.add(() -> assertEquals("gpt-4o-mini", r.getJsonObject("modelRetrieve").getString("id", null), r.getJsonObject("modelRetrieve")::toString));

        JsonObject quota = r.getJsonObject("error_quota");
        checks.add(() -> assertEquals(429, quota.getInt("status"), quota::toString));
        checks.add(() -> assertEquals("insufficient_quota", quota.getString("code"), quota::toString));
        checks.add(() -> assertEquals("req_quota", quota.getString("requestId", null), quota::toString));
        checks.add(() -> assertEquals(1, callsWith(sdk + " scenario:quota")));
        JsonObject rateLimit = r.getJsonObject("error_ratelimit");
        checks.add(() -> assertEquals(429, rateLimit.getInt("status"), rateLimit::toString));
        checks.add(() -> assertEquals(3, callsWith(sdk + " scenario:ratelimit")));
        JsonObject server = r.getJsonObject("error_server");
        checks.add(() -> assertEquals(500, server.getInt("status"), server::toString));
        checks.add(() -> assertEquals("req_server", server.getString("requestId", null), server::toString));
        checks.add(() -> assertEquals(3, callsWith(sdk + " scenario:server")));
        JsonObject badKey = r.getJsonObject("error_badkey");
        checks.add(() -> assertEquals(401, badKey.getInt("status"), badKey::toString));
        checks.add(() -> assertFalse(badKey.getString("message").contains("wxyz"), badKey::toString));
        checks.add(() -> assertEquals(1, callsWith(sdk + " scenario:badkey")));
        JsonObject unsupported = r.getJsonObject("unsupported");
        checks.add(() -> assertEquals(404, unsupported.getInt("status"), unsupported::toString));
        checks.add(() -> assertEquals("unsupported_endpoint", unsupported.getString("code", null), unsupported::toString));
        assertAll(checks);
    }

    /**
     * Installs the SDK once per machine (a cache outside target/: npm for Node, a virtual
     * environment from the machine's package mirror for Python), then runs its script.
     */
    static JsonObject runScript(String sdk, String baseUrl, String token) throws Exception {
        boolean python = sdk.startsWith("openai==");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "connector-it", (python ? "python-" : "") + sdk.replace('@', '-').replace("==", "-"));
        Path installed = python ? cache.resolve("venv/bin/python") : cache.resolve("node_modules/openai");
        if (!Files.exists(installed)) {
            Files.createDirectories(cache);
            if (python) {
                exec(cache, 300, "python3", "-m", "venv", cache.resolve("venv").toString());
                exec(cache, 300, cache.resolve("venv/bin/pip").toString(), "install", "--quiet", "--disable-pip-version-check", "--retries", "0", sdk);
            } else {
                exec(cache, 300, "npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", cache.toString(), sdk);
            }
        }
        Path source = Path.of(python ? "src/test/python/conformance.py" : "src/test/node/conformance.mjs");
        Path script = cache.resolve(source.getFileName());
        Files.copy(source, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder process = new ProcessBuilder(python ? installed.toString() : "node", script.toString()).directory(cache.toFile());
        process.environment().put("BASE_URL", baseUrl);
        process.environment().put("TOKEN", token);
        File err = File.createTempFile("sdk-script", ".log");
        Process run = process.redirectError(err).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the " + sdk + " script hangs");
        assertEquals(0, run.exitValue(), () -> out + readQuietly(err));
        return Json.createReader(new StringReader(out.strip().lines().reduce((a, b) -> b).orElse("{}"))).readObject();
    }

    static void exec(Path dir, int seconds, String... command) throws Exception {
        Process install = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(seconds, TimeUnit.SECONDS) && install.exitValue() == 0, String.join(" ", command) + ": " + log);
    }

    static String readQuietly(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
