package com.chatgptconnector.openai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the OpenAI circuit breakers from memory; a probe never calls OpenAI. It stays UP while
 * breakers are open: taking this instance out of rotation would not bring OpenAI back, and the
 * callers get a clear {@code openai_unavailable} meanwhile.
 */
@Readiness
@ApplicationScoped
public class OpenAiReadinessCheck implements HealthCheck {

    @Inject
    WorkspaceCircuitBreakers breakers;

    @Override
    public HealthCheckResponse call() {
        long open = breakers.openCount();
        return HealthCheckResponse.named("openai")
                .up()
                .withData("openCircuits", open)
                .withData("state", open == 0 ? "CLOSED" : "OPEN_FOR_SOME_WORKSPACES")
                .build();
    }
}
