package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Calls to OpenAI by operation and outcome (an error code, or {@code ok}), their latency, and
 * retries. Tagged by error code, never by workspace, so the number of series stays small.
 */
@ApplicationScoped
public class OpenAiMetrics {

    @Inject
    MetricRegistry registry;

    // looked up once per name and tags: the registry's lookup is not free at thousands of calls a second
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    void success(String operation, Duration latency) {
        counter("openai_calls_total", "operation", operation, "outcome", "ok").inc();
        timer(operation).update(latency);
    }

    void failure(String operation, ErrorCode code, Duration latency) {
        counter("openai_calls_total", "operation", operation, "outcome", code.code()).inc();
        if (!latency.isZero()) {
            timer(operation).update(latency);
        }
    }

    void retry(String operation, ErrorCode code) {
        counter("openai_retries_total", "operation", operation, "cause", code.code()).inc();
    }

    private Counter counter(String name, String tag1, String value1, String tag2, String value2) {
        return counters.computeIfAbsent(name + '|' + value1 + '|' + value2,
                k -> registry.counter(name, new Tag(tag1, value1), new Tag(tag2, value2)));
    }

    private Timer timer(String operation) {
        return timers.computeIfAbsent(operation, k -> registry.timer("openai_call_duration", new Tag("operation", operation)));
    }

    /**
     * Created at deployment, on a container thread: answers complete on the completion threads,
     * where the container's context (the metric registry, resource lookups) cannot be resolved.
     */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
