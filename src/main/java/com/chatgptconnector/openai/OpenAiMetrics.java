package com.chatgptconnector.openai;

import com.chatgptconnector.metrics.ConnectorMetrics;
import com.chatgptconnector.problem.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls to OpenAI by operation and outcome (an error code, or {@code ok}), their latency, and
 * retries. Tagged by error code, never by workspace, so the number of series stays small. In
 * Prometheus' format: {@code openai_calls_total}, {@code openai_retries_total} and
 * {@code openai_call_duration_seconds} (count, sum, max).
 */
@ApplicationScoped
public class OpenAiMetrics {

    @Inject
    ConnectorMetrics metrics;

    // the registry itself, not the CDI proxy: the completion and I/O threads record here, and
    // on Payara a proxy resolved there did not reach the instance that /metrics reads
    private volatile MeterRegistry registry;

    // looked up once per name and tags: the registry's lookup is not free at thousands of calls a second
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    void success(String operation, Duration latency) {
        counter("openai_calls", "operation", operation, "outcome", "ok").increment();
        timer(operation).record(latency);
    }

    void failure(String operation, ErrorCode code, Duration latency) {
        counter("openai_calls", "operation", operation, "outcome", code.code()).increment();
        if (!latency.isZero()) {
            timer(operation).record(latency);
        }
    }

    void retry(String operation, ErrorCode code) {
        counter("openai_retries", "operation", operation, "cause", code.code()).increment();
    }

    private Counter counter(String name, String tag1, String value1, String tag2, String value2) {
        return counters.computeIfAbsent(name + '|' + value1 + '|' + value2,
                k -> Counter.builder(name).tags(tag1, value1, tag2, value2).register(registry()));
    }

    private Timer timer(String operation) {
        return timers.computeIfAbsent(operation,
                k -> Timer.builder("openai_call_duration").tag("operation", operation).register(registry()));
    }

    @PostConstruct
    void resolveRegistry() {
        registry = metrics.registry();
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        return r != null ? r : metrics.registry();
    }

    /**
     * Created at deployment, on a container thread: answers complete on the completion threads,
     * where the container's context (resource lookups) cannot be resolved.
     */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
