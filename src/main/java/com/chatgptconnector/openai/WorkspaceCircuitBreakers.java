package com.chatgptconnector.openai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One circuit breaker per workspace, so one workspace's failures never block another's calls. */
@ApplicationScoped
public class WorkspaceCircuitBreakers {

    @Inject
    @ConfigProperty(name = "connector.openai.breaker.failure-threshold", defaultValue = "5")
    int failureThreshold;

    @Inject
    @ConfigProperty(name = "connector.openai.breaker.open-for", defaultValue = "PT30S")
    Duration openFor;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    CircuitBreaker of(String workspaceId) {
        return breakers.computeIfAbsent(workspaceId, id -> new CircuitBreaker(failureThreshold, openFor, System::nanoTime));
    }

    /** Workspaces whose breaker is open now (for the readiness report; never calls OpenAI). */
    public long openCount() {
        return breakers.values().stream().filter(b -> b.state() == CircuitBreaker.State.OPEN).count();
    }
}
