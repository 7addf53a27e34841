package com.chatgptconnector.usage;

import com.chatgptconnector.metrics.ConnectorMetrics;
import com.chatgptconnector.openai.OpenAiThreads;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes usage records, in one of two ways (docs/adr/0027-durable-usage.md):
 *
 * <ul>
 * <li><b>Commit before the answer</b> (the default, {@code connector.usage.commit-before-answer}):
 * group commit. A call's record (and its budget settlement) joins a queue; one writer thread
 * takes everything that queued while the previous batch committed and writes it in one
 * transaction; each call's answer waits for its batch's commit. Under load a batch holds many
 * calls, so the cost is one commit per batch, not per request; an answer that reached its client
 * has its record, also after {@code kill -9}. While the database refuses, the writer retries for
 * {@code connector.usage.commit-timeout}; the waiting answers then fail with
 * {@code 503 database_unavailable} and their records stay queued for the next attempt.</li>
 * <li><b>In memory</b> (false): records wait up to {@code connector.usage.flush-interval} for a
 * batch and the answer does not wait; a crash loses what is pending (ADR 0009, issue 29).</li>
 * </ul>
 */
@ApplicationScoped
public class UsageWriter {

    private static final Logger LOG = Logger.getLogger(UsageWriter.class.getName());
    private static final int BATCH = 500;
    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    UsageRecordRepository insert;

    @Inject
    OpenAiThreads threads;

    @Inject
    ConnectorMetrics metrics;

    // the registry's own meters, resolved once on a container thread (see OpenAiMetrics)
    private Timer commits;
    private DistributionSummary batches;

    @Inject
    @ConfigProperty(name = "connector.usage.commit-before-answer", defaultValue = "true")
    boolean commitBeforeAnswer;

    @Inject
    @ConfigProperty(name = "connector.usage.commit-timeout", defaultValue = "PT2S")
    Duration commitTimeout;

    @Inject
    @ConfigProperty(name = "connector.usage.flush-interval", defaultValue = "PT0.2S")
    Duration flushInterval;

    @Inject
    @ConfigProperty(name = "connector.usage.max-pending", defaultValue = "100000")
    int maxPending;

    /** One record with what its end settles, and the answer waiting for it ({@code null}: nobody waits any more). */
    private record Pending(UsageRecord record, Settlement settlement, CompletableFuture<Void> written) {
    }

    private BlockingQueue<Pending> pending;
    private ScheduledExecutorService flusher;
    private Thread committer;
    private volatile boolean running;
    private final Object writing = new Object();

    @PostConstruct
    void start() {
        commits = Timer.builder("usage_commit_duration")
                .description("one batch of usage records written and committed (H2: with its checkpoint)")
                .register(metrics.registry());
        batches = DistributionSummary.builder("usage_commit_batch_records")
                .description("usage records per committed batch").register(metrics.registry());
        pending = new LinkedBlockingQueue<>(maxPending);
        running = true;
        if (commitBeforeAnswer) {
            committer = threadFactory.newThread(this::commitLoop);
            committer.setName("usage-group-commit");
            committer.setDaemon(true);
            committer.start();
        } else {
            flusher = Executors.newSingleThreadScheduledExecutor(threadFactory);
            flusher.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (flusher != null) {
            flusher.shutdown();
        }
        if (committer != null) {
            committer.interrupt();
            try {
                committer.join(commitTimeout.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }

    /** Whether {@link #add} settles the reservation itself, with the record. */
    public boolean commitsBeforeAnswer() {
        return commitBeforeAnswer;
    }

    /**
     * Queues a record; the stage completes once it is committed (at once in memory mode, where the
     * caller has settled its reservation already and {@code settlement} must be {@code null}).
     */
    public CompletableFuture<Void> add(UsageEntry entry, Settlement settlement) {
        UsageRecord record = new UsageRecord(entry, Instant.now(Clock.systemUTC()));
        if (!commitBeforeAnswer) {
            if (!pending.offer(new Pending(record, settlement, null))) {
                // the database is far behind: the caller writes its own record (back-pressure, not loss)
                insert.write(List.of(record), settlement == null ? List.of() : List.of(settlement), false);
            }
            return WRITTEN;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!pending.offer(new Pending(record, settlement, written))) {
            return CompletableFuture.failedFuture(new ProblemException(ErrorCode.SERVICE_BUSY));
        }
        return written;
    }

    /** The group commit: whatever queued during the last commit is the next batch. */
    private void commitLoop() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // stopping: what was in hand goes back, for the last flush
                batch.forEach(pending::offer);
                if (running) {
                    continue;
                }
                break;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "Usage writer failed: {0}", e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes one batch, retrying while the database refuses; answers that waited too long fail, their records stay queued. */
    private void commit(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + commitTimeout.toNanos();
        long backoff = 20;
        while (true) {
            try {
                write(batch);
                for (Pending p : batch) {
                    if (p.written() != null) {
                        // the answer goes on on a completion thread, not on the one writer
                        completer().execute(() -> p.written().complete(null));
                    }
                }
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline || !running) {
                    LOG.log(Level.WARNING, "{0} usage records not written yet, their answers fail, the records are kept: {1}",
                            new Object[]{batch.size(), String.valueOf(e.getMessage())});
                    requeue(batch);
                    return;
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 500);
            }
        }
    }

    private void requeue(List<Pending> batch) {
        // no cause: a ProblemException has none by design; the warning above names it
        ProblemException unavailable = new ProblemException(ErrorCode.DATABASE_UNAVAILABLE, Map.of("retryAfterSeconds", 5));
        int lost = 0;
        for (Pending p : batch) {
            if (p.written() != null) {
                completer().execute(() -> p.written().completeExceptionally(unavailable));
            }
            if (!pending.offer(new Pending(p.record(), p.settlement(), null))) {
                lost++;
            }
        }
        if (lost > 0) {
            LOG.severe(lost + " usage records could not be written or kept");
        }
    }

    private Executor completer() {
        try {
            return threads.completions();
        } catch (RuntimeException stopping) {
            return Runnable::run;
        }
    }

    private void write(List<Pending> batch) {
        List<UsageRecord> records = new ArrayList<>(batch.size());
        List<Settlement> settlements = new ArrayList<>();
        for (Pending p : batch) {
            records.add(p.record());
            if (p.settlement() != null) {
                settlements.add(p.settlement());
            }
        }
        synchronized (writing) {
            long started = System.nanoTime();
            insert.write(records, settlements, commitBeforeAnswer);
            commits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batches.record(records.size());
        }
    }

    /**
     * Writes everything pending now; what the database refuses stays pending. With commit before
     * the answer, only what is left from a failed attempt is pending: the writer writes the rest.
     */
    public void flush() {
        if (commitBeforeAnswer) {
            return;
        }
        synchronized (writing) {
            List<Pending> batch = new ArrayList<>(BATCH);
            while (pending.drainTo(batch, BATCH) > 0) {
                try {
                    write(batch);
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
    }

    private void flushQuietly() {
        try {
            if (commitBeforeAnswer) {
                List<Pending> rest = new ArrayList<>();
                pending.drainTo(rest);
                if (!rest.isEmpty()) {
                    write(rest);
                    rest.stream().filter(p -> p.written() != null).forEach(p -> p.written().complete(null));
                }
            } else {
                flush();
            }
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
