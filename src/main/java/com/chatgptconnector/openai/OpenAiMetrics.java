package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Calls to OpenAI by operation and outcome (an error code, or {@code ok}), their latency, and
 * retries. Tagged by error code, never by workspace, so the number of series stays small.
 */
@ApplicationScoped
public class OpenAiMetrics {

    @Inject
    MetricRegistry registry;

    void success(String operation, Duration latency) {
        registry.counter("openai_calls_total", new Tag("operation", operation), new Tag("outcome", "ok")).inc();
        registry.timer("openai_call_duration", new Tag("operation", operation)).update(latency);
    }

    void failure(String operation, ErrorCode code, Duration latency) {
        registry.counter("openai_calls_total", new Tag("operation", operation), new Tag("outcome", code.code())).inc();
        if (!latency.isZero()) {
            registry.timer("openai_call_duration", new Tag("operation", operation)).update(latency);
        }
    }

    void retry(String operation, ErrorCode code) {
        registry.counter("openai_retries_total", new Tag("operation", operation), new Tag("cause", code.code())).inc();
    }
}
