package com.chatgptconnector.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests (the distribution that the build unpacked into target/keycloak),
 * in development mode on its own file database, with the realms of src/test/resources/keycloak
 * imported at start. It needs Java 21 or later: the JDK of {@code it.keycloak.java-home} runs it,
 * the tests themselves stay on 17.
 */
final class Keycloak {

    static final String ADMIN = "kcadmin";
    static final String ADMIN_PASSWORD = "kcadmin-for-tests";

    private final Path home;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    Keycloak(int port) {
        this.home = Path.of(System.getProperty("it.keycloak.home", "target/keycloak/keycloak"));
        this.port = port;
    }

    boolean installed() {
        return Files.isExecutable(home.resolve("bin/kc.sh"))
                && Files.isExecutable(Path.of(System.getProperty("it.keycloak.java-home", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    /**
     * Keycloak's first start in development mode re-builds its Quarkus application (35 s on a quiet
     * machine, 90 s on a busy one) into lib/quarkus; the result is kept in the user's cache and put
     * back into the next fresh unpack, so only the first run after a version change pays for it.
     * Keycloak checks the build against its options at every start and builds again if they differ.
     */
    private Path buildCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "chatgpt-connector", home.getFileName() + "-dev-build");
    }

    private boolean restoredBuild;

    /** Starts Keycloak with the realms, each {@code @CONNECTOR_URL@} replaced by the connector's base URL. */
    void start(String connectorUrl, int managementPort) throws IOException {
        Path cache = buildCache();
        if (Files.isRegularFile(cache.resolve("quarkus-application.dat"))) {
            copy(cache, home.resolve("lib/quarkus"));
            restoredBuild = true;
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        for (String realm : List.of("company-realm.json", "other-realm.json")) {
            try (var in = Keycloak.class.getResourceAsStream("/keycloak/" + realm)) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@CONNECTOR_URL@", connectorUrl);
                Files.writeString(imports.resolve(realm), json);
            }
        }
        Path logs = Path.of(System.getProperty("it.log.dir", "target/it-logs"));
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname-strict=false", "--cache=local")
                .redirectErrorStream(true).redirectOutput(logs.resolve("keycloak.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("it.keycloak.java-home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        process = builder.start();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak ended; see target/it-logs/keycloak.log");
            }
            try {
                if (get(issuer("company") + "/.well-known/openid-configuration", null).statusCode() == 200
                        && get(issuer("other") + "/.well-known/openid-configuration", null).statusCode() == 200) {
                    keepBuild();
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not become ready; see target/it-logs/keycloak.log");
    }

    private void keepBuild() {
        if (restoredBuild) {
            return;
        }
        Path cache = buildCache();
        Path partial = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid());
        try {
            copy(home.resolve("lib/quarkus"), partial);
            // whole or not at all: another checkout may be starting from the cache right now
            Files.move(partial, cache, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyKeptOrReadOnly) {
            // the next run builds again; nothing else depends on the cache
            try (Stream<Path> files = Files.exists(partial) ? Files.list(partial) : Stream.empty()) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover in the user's cache, harmless
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    void stop() {
        if (process != null) {
            // kc.sh runs java as its child: end both
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    /** A client-credentials access token, as an internal tool gets one. */
    String clientCredentialsToken(String realm, String clientId, String secret) {
        HttpResponse<String> response = post(issuer(realm) + "/protocol/openid-connect/token",
                form(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).getString("access_token");
    }

    /** Takes a user out of a group or puts them in, as the company's administrator would. */
    void membership(String realm, String username, String group, boolean member) {
        String admin = adminToken();
        String userId = Json.createReader(new StringReader(get(url() + "/admin/realms/" + realm + "/users?exact=true&username="
                + username, admin).body())).readArray().getJsonObject(0).getString("id");
        String groupId = Json.createReader(new StringReader(get(url() + "/admin/realms/" + realm + "/groups?exact=true&search="
                + group, admin).body())).readArray().getJsonObject(0).getString("id");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + realm + "/users/" + userId
                + "/groups/" + groupId)).header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30));
        HttpResponse<String> response = send(member ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("group change " + response.statusCode() + ": " + response.body());
        }
    }

    private String adminToken() {
        HttpResponse<String> response = post(issuer("master") + "/protocol/openid-connect/token",
                form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD)), null);
        return json(response.body()).getString("access_token");
    }

    private HttpResponse<String> get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private HttpResponse<String> post(String url, String form, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static List<String> list(String... values) {
        return new ArrayList<>(Stream.of(values).toList());
    }
}
