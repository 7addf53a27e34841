package com.chatgptconnector.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the REST API, speaking real HTTP to the deployed service. */
public final class Api {

    /** A user's credentials, or {@link #ANONYMOUS}. */
    public record Auth(String username, String password) {
        public static final Auth ANONYMOUS = new Auth(null, null);

        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An answer: status, headers and body, with the body parsed on demand. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String code() {
            return json().getString("code", null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Api(URL deployment) {
        String root = deployment.toExternalForm();
        this.base = URI.create(root.endsWith("/") ? root : root + "/");
    }

    public URI base() {
        return base;
    }

    public Reply get(String path, Auth auth, String... headers) {
        return send("GET", path, auth, null, headers);
    }

    public Reply post(String path, Auth auth, String json, String... headers) {
        return send("POST", path, auth, json, headers);
    }

    public Reply put(String path, Auth auth, String json, String... headers) {
        return send("PUT", path, auth, json, headers);
    }

    public Reply delete(String path, Auth auth, String... headers) {
        return send("DELETE", path, auth, null, headers);
    }

    /** {@code headers} are name/value pairs. */
    public Reply send(String method, String path, Auth auth, String json, String... headers) {
        // "/health/ready" is at the server root; "api/..." is inside the application
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (auth != null && auth.username() != null) {
            request.header("Authorization", auth.header());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Minimal JSON string escaping for hand-written test bodies. */
    public static String str(String value) {
        return value == null ? "null" : Json.createValue(value).toString();
    }
}
