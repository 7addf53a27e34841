package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.metrics.ConnectorMetrics;
import com.chatgptconnector.problem.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The metric names that dashboards and docs/operations.md rely on, as Prometheus reads them on every server. */
class OpenAiMetricsTest {

    @Test
    void callsRetriesAndLatencyKeepTheirPrometheusNames() {
        OpenAiMetrics metrics = new OpenAiMetrics();
        metrics.metrics = new ConnectorMetrics();
        metrics.success("models", Duration.ofMillis(12));
        metrics.failure("models", ErrorCode.values()[0], Duration.ofMillis(3));
        metrics.retry("chat", ErrorCode.values()[0]);
        String text = metrics.metrics.scrape();
        assertTrue(text.contains("openai_calls_total{operation=\"models\",outcome=\"ok\"} 1.0"), text);
        assertTrue(text.contains("openai_calls_total{operation=\"models\",outcome=\"" + ErrorCode.values()[0].code() + "\"} 1.0"), text);
        assertTrue(text.contains("openai_retries_total{cause=\"" + ErrorCode.values()[0].code() + "\",operation=\"chat\"} 1.0"), text);
        assertTrue(text.contains("openai_call_duration_seconds_count{operation=\"models\"} 2"), text);
        assertTrue(text.contains("jvm_memory_used_bytes"), "the JVM's own metrics are there too");
    }
}
