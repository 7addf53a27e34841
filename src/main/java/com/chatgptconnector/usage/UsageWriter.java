package com.chatgptconnector.usage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Usage records are written in batches, a few times a second, rather than one transaction per
 * request: at thousands of requests a second, that transaction was the largest cost of a call.
 * The token limit does not depend on this (its budget row is updated with each request); what
 * reads the records — the usage report, a budget row being created — flushes first, so on one
 * instance nothing is ever missing from what is shown. A record waits in memory at most one
 * {@code connector.usage.flush-interval}; pending records are written on shutdown, and kept for
 * the next attempt while the database is unreachable.
 */
@ApplicationScoped
public class UsageWriter {

    private static final Logger LOG = Logger.getLogger(UsageWriter.class.getName());
    private static final int BATCH = 500;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    UsageRecordRepository insert;

    @Inject
    @ConfigProperty(name = "connector.usage.flush-interval", defaultValue = "PT0.2S")
    Duration flushInterval;

    @Inject
    @ConfigProperty(name = "connector.usage.max-pending", defaultValue = "100000")
    int maxPending;

    private BlockingQueue<UsageRecord> pending;
    private ScheduledExecutorService flusher;

    @PostConstruct
    void start() {
        pending = new LinkedBlockingQueue<>(maxPending);
        flusher = Executors.newSingleThreadScheduledExecutor(threadFactory);
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        flusher.shutdown();
        flushQuietly();
    }

    public void add(UsageEntry entry) {
        UsageRecord record = new UsageRecord(entry, Instant.now(Clock.systemUTC()));
        if (!pending.offer(record)) {
            // the database is far behind: the caller writes its own record (back-pressure, not loss)
            insert.insert(List.of(record));
        }
    }

    /** Writes everything pending now; what the database refuses stays pending. */
    public synchronized void flush() {
        List<UsageRecord> batch = new ArrayList<>(BATCH);
        while (pending.drainTo(batch, BATCH) > 0) {
            try {
                insert.insert(batch);
            } catch (RuntimeException e) {
                int kept = (int) batch.stream().filter(pending::offer).count();
                if (kept < batch.size()) {
                    LOG.severe(() -> (batch.size() - kept) + " usage records could not be written or kept: " + e.getMessage());
                }
                throw e;
            }
            batch.clear();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Usage records not written yet, will retry: {0}", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Created at deployment, on a container thread: answers complete on the completion threads,
     * where the container's context (the metric registry, resource lookups) cannot be resolved.
     */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
