package com.chatgptconnector.it;

import static com.chatgptconnector.it.Fixtures.chatgpt;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Usage survives a crash (issue 29): the service runs as its own Payara Micro process (the
 * managed Arquillian container cannot be killed with {@code kill -9} and started again), block
 * runs go in at concurrency 8, the process is killed part-way, started again on the same
 * database, and every run that answered 200 must have its usage record; the token budget must
 * hold exactly what the records count once the dead instance's reservations are released. On
 * PostgreSQL also: the pool's connections are terminated in the middle of a load, the requests
 * in between fail with a clear code, and the service recovers without a restart.
 */
class DurableUsageIT {

    static WireMockServer openai;
    static String dbUrl;
    static final String APPLICATION_NAME = "connector-durable-it-" + UUID.randomUUID().toString().substring(0, 8);
    Process service;
    Api api;
    int port;

    @BeforeAll
    static void fakeOpenAi() throws IOException {
        openai = FakeOpenAi.start(TwoInstancesIT.freePort());
        String configured = System.getProperty("it.db.url");
        if (configured.startsWith("jdbc:postgresql:")) {
            // the pool's connections carry a name of their own: the restart test terminates only those
            dbUrl = configured + (configured.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION_NAME;
        } else {
            // a file of its own: the shared IT database is held by the Arquillian server
            Path dir = Path.of(System.getProperty("it.data.dir", "target/it-data"));
            dbUrl = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("durable-usage-" + UUID.randomUUID()) + ";AUTO_SERVER=TRUE";
        }
    }

    @AfterAll
    static void stopFake() {
        if (openai != null) {
            openai.stop();
        }
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    void startService(String name) throws Exception {
        if (port == 0) {
            port = TwoInstancesIT.freePort();
        }
        Path logs = Path.of(System.getProperty("it.log.dir", "target/it-logs"));
        Files.createDirectories(logs);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dconnector.mode=development",
                "-Dconnector.datasource.url=" + dbUrl,
                "-Dconnector.datasource.user=" + System.getProperty("it.db.user"),
                "-Dconnector.datasource.password=" + System.getProperty("it.db.password"),
                "-Dconnector.openai.base-url=http://127.0.0.1:" + openai.port() + "/v1",
                "-Dconnector.crypto.keyring=" + System.getProperty("it.crypto.keyring"),
                "-Dconnector.crypto.active-key=" + System.getProperty("it.crypto.active-key"),
                "-Dconnector.security.pbkdf2-iterations=1024",
                // a killed instance's reservations are released within seconds here (30 s + 10 s by default)
                "-Dconnector.usage.reservation.heartbeat=PT1S",
                "-Dconnector.usage.reservation.lease=PT3S",
                "-jar", System.getProperty("payara.microJar"), "--nohazelcast", "--port", String.valueOf(port),
                "--deploy", System.getProperty("it.war"), "--contextroot", "/",
                "--prebootcommandfile", System.getProperty("payara.prebootCommands"));
        service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("durable-usage-" + name + ".log").toFile())).start();
        api = new Api(new URL("http://127.0.0.1:" + port + "/"));
        TwoInstancesIT.awaitReady(api);
    }

    @Test
    void afterKillMinus9DuringABurstEveryAnsweredRunHasItsRecordAndTheBudgetHoldsWhatTheRecordsCount() throws Exception {
        startService("kill");
        Fixtures fixtures = new Fixtures(api);
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        openai.stubFor(FakeOpenAi.chat(TestKeys.GOOD).willReturn(FakeOpenAi.json(200,
                BuildingBlocksIT.completion("Hallo!", 10, 5), "req_durable").withFixedDelay(30)));
        // a limit, so every run reserves tokens: the budget must come out exact after the crash
        assertEquals(200, api.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"tokenLimit\":100000000}",
                "If-Match", String.valueOf(fixtures.version(team.workspace(), team.admin()))).status());
        Reply block = api.post(chatgpt(team.workspace()) + "/blocks", team.admin(),
                "{\"name\":\"Greeting\",\"model\":\"gpt-4o-mini\",\"userPrompt\":\"Sag Hallo zu {{name}}\",\"maxOutputTokens\":20}");
        assertEquals(201, block.status(), block::toString);
        String runs = chatgpt(team.workspace()) + "/blocks/" + block.json().getString("id") + "/runs";
        assertEquals(200, api.post(runs, team.member(), "{\"variables\":{\"name\":\"Anna\"}}").status(), "one run before the burst");

        AtomicInteger answered = new AtomicInteger(1);
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 300; i++) {
            pool.submit(() -> {
                try {
                    Reply reply = api.post(runs, team.member(), "{\"variables\":{\"name\":\"Anna\"}}");
                    if (reply.status() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.computeIfAbsent(String.valueOf(reply.status()), k -> new AtomicInteger()).incrementAndGet();
                    }
                } catch (RuntimeException cut) {
                    failures.computeIfAbsent("no answer", k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        // kill -9 part-way: at least two seconds in and some answers given, with runs still in flight
        Instant started = Instant.now();
        while ((Duration.between(started, Instant.now()).toMillis() < 2000 || answered.get() < 40)
                && Duration.between(started, Instant.now()).toSeconds() < 60) {
            Thread.sleep(50);
        }
        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int answeredAtKill = answered.get();
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
        int okAnswers = answered.get();
        assertTrue(okAnswers < 301, "the kill came before the burst ended");
        int fakeCalls = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size();

        startService("restart");
        long[] records = records(team.workspace());
        System.out.printf("DurableUsageIT: %d runs answered 200 (%d when killed), other outcomes %s, OpenAI called %d times, "
                + "%d usage records (%d ok)%n", okAnswers, answeredAtKill, failures, fakeCalls, records[0], records[1]);
        assertTrue(records[1] >= okAnswers, "every run that answered 200 has its record: " + records[1] + " ok records for "
                + okAnswers + " answers");
        assertTrue(records[1] <= fakeCalls, "no record without a call: " + records[1] + " for " + fakeCalls + " calls");

        // the dead instance's reservations are released by the new one within lease + heartbeat
        long[] budget = null;
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            budget = budget(team.workspace());
            if (budget[1] == 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(0, budget[1], "nothing stays reserved for calls that no instance will settle");
        assertEquals(records[2], budget[0], "the budget counts exactly the tokens of the records");

        // the usage page shows every answered run too
        Reply report = api.get(chatgpt(team.workspace()) + "/usage", team.admin());
        assertEquals(200, report.status(), report::toString);
        long shown = report.json().getJsonObject("total").getJsonNumber("requests").longValue()
                - report.json().getJsonObject("total").getJsonNumber("errors").longValue();
        assertTrue(shown >= okAnswers, "the usage page counts " + shown + " successful requests for " + okAnswers + " answers");
        // and the service goes on
        assertEquals(200, api.post(runs, team.member(), "{\"variables\":{\"name\":\"Ben\"}}").status());
    }

    @Test
    void afterThePoolsConnectionsAreTerminatedTheRequestsInBetweenFailClearlyAndTheServiceRecoversWithoutARestart()
            throws Exception {
        assumeTrue(dbUrl.startsWith("jdbc:postgresql:"), "PostgreSQL only: H2 is embedded in the service's process");
        startService("pg-restart");
        Fixtures fixtures = new Fixtures(api);
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        openai.stubFor(FakeOpenAi.chat(TestKeys.GOOD).willReturn(FakeOpenAi.json(200,
                BuildingBlocksIT.completion("Hallo!", 10, 5), "req_restart")));
        assertEquals(200, api.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"tokenLimit\":100000000}",
                "If-Match", String.valueOf(fixtures.version(team.workspace(), team.admin()))).status());
        String path = "api/workspaces/" + team.workspace() + "/chatgpt";
        assertEquals(200, api.get(path, team.admin()).status());

        // what a database restart does to the pool, without restarting the shared server: every
        // backend of this service's pool is terminated
        int terminated = terminateBackends();
        assertTrue(terminated > 0, "the pool had connections to terminate");
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        int okInARow = 0;
        while (okInARow < 5 && Instant.now().isBefore(deadline)) {
            Reply reply = api.get(path, team.admin());
            statuses.add(reply.status());
            if (reply.status() == 200) {
                okInARow++;
            } else {
                okInARow = 0;
                codes.add(reply.status() + " " + (reply.body().isBlank() ? "(empty body)" : reply.code()));
            }
        }
        System.out.printf("DurableUsageIT: %d backends terminated; answers after: %s; codes of the failures: %s%n", terminated,
                statuses, codes);
        assertEquals(5, okInARow, "the service recovers by itself: " + statuses);
        for (String code : codes) {
            assertEquals("503 database_unavailable", code, "a failure in between says what it is: " + codes);
        }
    }

    static int terminateBackends() throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
             PreparedStatement terminate = c.prepareStatement(
                     "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            terminate.setString(1, APPLICATION_NAME);
            try (ResultSet r = terminate.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** All records, the ok ones, and their tokens, of the workspace. */
    static long[] records(String workspace) throws SQLException {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement("select count(*), "
                + "coalesce(sum(case when outcome = 'ok' then 1 else 0 end), 0), coalesce(sum(prompt_tokens + completion_tokens), 0) "
                + "from usage_record where workspace_id = ?")) {
            select.setString(1, workspace);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return new long[]{r.getLong(1), r.getLong(2), r.getLong(3)};
            }
        }
    }

    /** The month's used and reserved tokens. */
    static long[] budget(String workspace) throws SQLException {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                "select used, reserved from token_budget where workspace_id = ?")) {
            select.setString(1, workspace);
            try (ResultSet r = select.executeQuery()) {
                assertTrue(r.next(), "the workspace has its budget row");
                return new long[]{r.getLong(1), r.getLong(2)};
            }
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl, System.getProperty("it.db.user"), System.getProperty("it.db.password"));
    }
}
