package com.chatgptconnector.it;

import static com.chatgptconnector.it.Fixtures.OPERATOR;
import static com.chatgptconnector.it.Fixtures.chatgpt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.chatgptconnector.it.Api.Auth;
import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service — two server processes (Payara Micro, or WildFly with -Pwildfly),
 * as behind a load balancer — on one
 * PostgreSQL database. Runs with -Ppostgres only: the embedded H2 file belongs to one process.
 */
class TwoInstancesIT {

    static WireMockServer openai;
    static final List<Process> instances = new ArrayList<>();
    static Api a;
    static Api b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue(System.getProperty("it.db.url", "").startsWith("jdbc:postgresql:"), "needs the PostgreSQL profile");
        openai = FakeOpenAi.start(freePort());
        int span = ServerProcess.portsPerInstance();
        int portA = freePorts(span);
        int portB = freePorts(span);
        while (Math.abs(portB - portA) < span) {
            portB = freePorts(span);
        }
        instances.add(start("instance-a", portA));
        instances.add(start("instance-b", portB));
        a = new Api(new URL("http://127.0.0.1:" + portA + "/"));
        b = new Api(new URL("http://127.0.0.1:" + portB + "/"));
        awaitReady(a);
        awaitReady(b);
    }

    @BeforeEach
    void resetFakeOpenAi() {
        openai.resetAll();
    }

    @AfterAll
    static void stopAll() {
        instances.forEach(Process::destroy);
        if (openai != null) {
            openai.stop();
        }
    }

    static Process start(String name, int port) throws IOException {
        return ServerProcess.start(name, port, Map.of(
                "connector.mode", "development",
                "connector.datasource.url", System.getProperty("it.db.url"),
                "connector.datasource.user", System.getProperty("it.db.user"),
                "connector.datasource.password", System.getProperty("it.db.password"),
                "connector.openai.base-url", "http://127.0.0.1:" + openai.port() + "/v1",
                "connector.crypto.keyring", System.getProperty("it.crypto.keyring"),
                "connector.crypto.active-key", System.getProperty("it.crypto.active-key"),
                "connector.security.pbkdf2-iterations", "1024"));
    }

    static void awaitReady(Api api) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api.get("/health/ready", Api.Auth.ANONYMOUS).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("instance at " + api.base() + " did not become ready");
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999), as the pom reserves the fake
     * OpenAI's: instance B's port stays unbound while A boots, and an outgoing connection of A
     * could otherwise be handed it as its local port.
     */
    static int freePort() throws IOException {
        return freePorts(1);
    }

    /** The first of {@code count} consecutive free ports (WildFly takes HTTP, HTTPS and management). */
    static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000 - count);
            if (allFree(port, count)) {
                return port;
            }
        }
        throw new IOException("no " + count + " free ports between 20000 and 32000");
    }

    private static boolean allFree(int first, int count) throws IOException {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.getLocalPort();
            } catch (BindException taken) {
                return false;
            }
        }
        return true;
    }

    @Test
    void fiftyParallelRequestsAcrossBothInstancesWithRoomForTenLetExactlyTenReachOpenAi() throws Exception {
        Fixtures onA = new Fixtures(a);
        Team team = onA.activeTeamWithKey(TestKeys.GOOD, null, null);
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Count to three\"}],\"max_tokens\":100}";
        long estimate = (body.length() + 3) / 4 + 100;
        openai.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(300)
                .withBody(BuildingBlocksIT.completion("1, 2, 3", estimate - 100, 100))));
        assertEquals(200, a.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"tokenLimit\":" + (10 * estimate) + "}",
                "If-Match", String.valueOf(onA.version(team.workspace(), team.admin()))).status());

        String path = "api/workspaces/" + team.workspace() + "/openai/v1/chat/completions";
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Api instance = i % 2 == 0 ? a : b;
                replies.add(pool.submit(() -> instance.post(path, team.member(), body)));
            }
            int ok = 0;
            int limited = 0;
            for (Future<Reply> reply : replies) {
                int status = reply.get().status();
                ok += status == 200 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            assertEquals(10, ok, "exactly the ten that fit the limit succeed");
            assertEquals(40, limited, "all others are refused with 429");
            assertEquals(10, openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size(),
                    "exactly ten reached OpenAI");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuspensionOnOneInstanceRefusesTheNextRequestOnTheOther() {
        Fixtures onA = new Fixtures(a);
        Team team = onA.activeTeamWithKey(TestKeys.GOOD, null, null);
        openAiAnswersEveryChat();
        String path = compatible(team);
        assertEquals(200, b.post(path, team.member(), HELLO).status());
        assertEquals(200, a.post(chatgpt(team.workspace()) + "/suspension", OPERATOR, null).status());
        Reply refused = b.post(path, team.member(), HELLO);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("chatgpt_not_activated", refused.json().getJsonObject("error").getString("code"));
    }

    @Test
    void aBlockEditAMembershipRemovalANewUserAndARevokedTokenOnOneInstanceCountOnTheNextRequestOnTheOther() {
        Fixtures onA = new Fixtures(a);
        Team team = onA.activeTeamWithKey(TestKeys.GOOD, null, null);
        openAiAnswersEveryChat();
        Reply created = a.post(chatgpt(team.workspace()) + "/blocks", team.admin(),
                "{\"name\":\"Greeting\",\"model\":\"gpt-4o-mini\",\"userPrompt\":\"Say {{x}}\"}");
        assertEquals(201, created.status(), created::toString);
        String block = chatgpt(team.workspace()) + "/blocks/" + created.json().getString("id");
        String variables = "{\"variables\":{\"x\":\"hello\"}}";

        // B reads (and keeps) the user, the membership, the settings and the block
        assertEquals(200, b.post(block + "/runs", team.member(), variables).status());
        assertEquals(200, b.post(block + "/runs", team.member(), variables).status());
        assertTrue(lastPromptSent().contains("Say hello"), this::lastPromptSent);

        String etag = a.get(block, team.admin()).header("ETag");
        assertEquals(200, a.put(block, team.admin(), "{\"name\":\"Greeting\",\"model\":\"gpt-4o-mini\",\"userPrompt\":\"Shout {{x}}\"}",
                "If-Match", etag).status());
        assertEquals(200, b.post(block + "/runs", team.member(), variables).status());
        assertTrue(lastPromptSent().contains("Shout hello"), this::lastPromptSent);

        assertEquals(204, a.delete("api/workspaces/" + team.workspace() + "/members/" + team.member().username(), team.admin()).status());
        Reply removed = b.post(block + "/runs", team.member(), variables);
        assertEquals(404, removed.status(), removed::toString);

        // an unknown name B has just refused becomes a user on A, and signs in on B at once
        Auth newcomer = new Auth("newcomer-" + UUID.randomUUID().toString().substring(0, 8), Fixtures.PASSWORD);
        assertEquals(401, b.get("api/me", newcomer).status());
        assertEquals(201, a.post("api/users", OPERATOR, "{\"username\":\"" + newcomer.username() + "\",\"password\":\""
                + Fixtures.PASSWORD + "\"}").status());
        assertEquals(200, b.get("api/me", newcomer).status());

        // a token B knows, revoked on A, no longer opens B's OpenAI-compatible endpoint
        Reply token = a.post(chatgpt(team.workspace()) + "/tokens", team.admin(), "{\"name\":\"ci\"}");
        assertEquals(201, token.status(), token::toString);
        String bearer = "Bearer " + token.json().getString("token");
        assertEquals(200, b.post(compatible(team), Auth.ANONYMOUS, HELLO, "Authorization", bearer).status());
        assertEquals(204, a.delete(chatgpt(team.workspace()) + "/tokens/" + token.json().getString("id"), team.admin()).status());
        assertEquals(401, b.post(compatible(team), Auth.ANONYMOUS, HELLO, "Authorization", bearer).status());
    }

    private static final String HELLO = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static String compatible(Team team) {
        return "api/workspaces/" + team.workspace() + "/openai/v1/chat/completions";
    }

    private static void openAiAnswersEveryChat() {
        openai.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BuildingBlocksIT.completion("hi", 5, 1))));
    }

    private String lastPromptSent() {
        List<LoggedRequest> sent = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        return sent.get(sent.size() - 1).getBodyAsString();
    }
}
