package com.chatgptconnector.openai;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The circuit breaker and the bulkhead of each workspace, Resilience4j's, one registry entry per
 * workspace, so one workspace's outage or burst never blocks another's calls. MicroProfile Fault
 * Tolerance keeps one breaker per method for all callers (docs/adr/0002-own-retry-breaker-bulkhead.md).
 *
 * <p>The breaker opens on {@code failure-threshold} consecutive failures that say "OpenAI is
 * unwell" (5xx, timeouts, connection failures): a count window of that size that must be all
 * failures. Other failures (a rejected key, a bad request) are not counted and do not reset the
 * count; in the half-open state, where one trial call goes out, such an answer closes the circuit,
 * as OpenAI did answer. Slow calls are not judged: a long answer is not a failure.
 */
@ApplicationScoped
public class WorkspaceResilience {

    @Inject
    @ConfigProperty(name = "connector.openai.breaker.failure-threshold", defaultValue = "5")
    int failureThreshold;

    @Inject
    @ConfigProperty(name = "connector.openai.breaker.open-for", defaultValue = "PT30S")
    Duration openFor;

    @Inject
    @ConfigProperty(name = "connector.openai.bulkhead.per-workspace", defaultValue = "50")
    int perWorkspaceConcurrency;

    private Clock clock = Clock.systemUTC();
    private CircuitBreakerRegistry breakers;
    private BulkheadRegistry bulkheads;
    /** When each workspace's circuit last opened: Resilience4j does not say how long it stays open. */
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    /** For the unit tests: the settings and the clock given, without CDI. */
    static WorkspaceResilience of(int failureThreshold, Duration openFor, int perWorkspaceConcurrency, Clock clock) {
        WorkspaceResilience resilience = new WorkspaceResilience();
        resilience.failureThreshold = failureThreshold;
        resilience.openFor = openFor;
        resilience.perWorkspaceConcurrency = perWorkspaceConcurrency;
        resilience.clock = clock;
        resilience.init();
        return resilience;
    }

    @PostConstruct
    void init() {
        breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failureThreshold)
                .minimumNumberOfCalls(failureThreshold)
                .failureRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(365))
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(openFor)
                // no thread of its own: the next call after the wait finds the circuit half-open
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build());
        breakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(event.getCircuitBreakerName(), clock.instant());
            }
        }));
        bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(perWorkspaceConcurrency)
                .maxWaitDuration(Duration.ZERO)
                .fairCallHandlingStrategyEnabled(false)
                .writableStackTraceEnabled(false)
                .build());
    }

    CircuitBreaker breaker(String workspaceId) {
        return breakers.circuitBreaker(workspaceId);
    }

    Bulkhead bulkhead(String workspaceId) {
        return bulkheads.bulkhead(workspaceId);
    }

    /** Null if a call may go out now; otherwise how long until the breaker lets one through (1 s while a trial is out). */
    Duration acquire(CircuitBreaker breaker) {
        if (breaker.tryAcquirePermission()) {
            return null;
        }
        Instant opened = openedAt.get(breaker.getName());
        Duration left = opened == null ? Duration.ZERO : Duration.between(clock.instant(), opened.plus(openFor));
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    void onSuccess(CircuitBreaker breaker, long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    /** OpenAI is unwell: 5xx, a timeout, a connection failure. */
    void onFailure(CircuitBreaker breaker, long nanos, Throwable failure) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    }

    /** An answer that says nothing about OpenAI's health: not counted, but it ends a trial as a success. */
    void onNeutral(CircuitBreaker breaker, long nanos) {
        if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        } else {
            breaker.releasePermission();
        }
    }

    /** Workspaces whose circuit is open now (for the readiness report; never calls OpenAI). */
    public long openCount() {
        Instant now = clock.instant();
        return breakers.getAllCircuitBreakers().stream()
                .filter(b -> b.getState() == CircuitBreaker.State.OPEN)
                .filter(b -> {
                    Instant opened = openedAt.get(b.getName());
                    return opened == null || now.isBefore(opened.plus(openFor));
                })
                .count();
    }
}
