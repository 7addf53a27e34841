package com.chatgptconnector.boundary.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many bytes of request bodies the instance holds at once. A body stays in memory (as bytes,
 * text and parsed JSON, and for retries) until its call to OpenAI ends, which takes seconds; the
 * per-request limit alone still let sixty 4 MiB bodies with a slow upstream run the heap out.
 * Bytes are claimed as they are read, so announced and chunked bodies count alike, and given
 * back when the request ends ({@link BodyBudgetFilter}).
 */
@ApplicationScoped
public class BodyBudget {

    private final AtomicLong held = new AtomicLong();

    @Inject
    @ConfigProperty(name = "connector.request.bodies-in-flight-bytes", defaultValue = "16777216")
    long capacity;

    /** Claims {@code bytes}, all or nothing. */
    boolean claim(long bytes) {
        for (long now = held.get(); ; now = held.get()) {
            if (now + bytes > capacity && bytes > 0) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    /** What is held now (the tests read it). */
    public long held() {
        return held.get();
    }
}
