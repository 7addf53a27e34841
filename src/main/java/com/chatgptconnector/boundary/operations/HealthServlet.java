package com.chatgptconnector.boundary.operations;

import com.chatgptconnector.json.JsonFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The application's MicroProfile Health checks at the paths and in the JSON of MicroProfile
 * Health: 200 when every check is UP, 503 otherwise. Payara serves these paths itself (its
 * {@code /health} context comes before the application's root), WildFly only on its management
 * port; this servlet answers wherever the server does not, so {@code /health/ready} on the
 * HTTP port works on both.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    @Inject
    @Readiness
    transient Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    transient Instance<HealthCheck> liveness;

    @Inject
    @org.eclipse.microprofile.health.Startup
    transient Instance<HealthCheck> startup;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        List<HealthCheck> checks = new ArrayList<>();
        switch (path) {
            case "/", "" -> {
                liveness.forEach(checks::add);
                readiness.forEach(checks::add);
                startup.forEach(checks::add);
            }
            case "/live", "/live/" -> liveness.forEach(checks::add);
            case "/ready", "/ready/" -> readiness.forEach(checks::add);
            case "/started", "/started/" -> startup.forEach(checks::add);
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        boolean up = true;
        JsonArrayBuilder results = JsonFactory.JSON.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse result = call(check);
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder json = JsonFactory.JSON.createObjectBuilder()
                    .add("name", result.getName())
                    .add("status", result.getStatus().name());
            result.getData().filter(data -> !data.isEmpty()).ifPresent(data -> json.add("data", data(data)));
            results.add(json);
        }
        byte[] body = JsonFactory.JSON.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", results)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            // as MicroProfile Health does: a check that throws is DOWN
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }

    private static JsonObjectBuilder data(Map<String, Object> data) {
        JsonObjectBuilder json = JsonFactory.JSON.createObjectBuilder();
        data.forEach((key, value) -> {
            if (value instanceof Long l) {
                json.add(key, l);
            } else if (value instanceof Boolean b) {
                json.add(key, b);
            } else {
                json.add(key, String.valueOf(value));
            }
        });
        return json;
    }
}
