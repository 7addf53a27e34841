package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.problem.ErrorCode;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's retries (Resilience4j's asynchronous retry with {@link OpenAiGateway#retryConfig}):
 * which failures are retried, how long it waits, and that a call waiting for its next attempt
 * holds no thread.
 */
class RetryPolicyTest {

    private static final Duration CAP = Duration.ofSeconds(20);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Backoff backoff = new Backoff(Duration.ofMillis(40), 2.0, Duration.ofMillis(200), CAP, new SplittableRandom(7));
    private final Retry retry = Retry.of("chat", OpenAiGateway.retryConfig(3, backoff, CAP));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static OpenAiException failure(ErrorCode code, boolean retryable, Duration hint) {
        return new OpenAiException(new OpenAiFailure(code, retryable, hint, null, 0, null, null, null));
    }

    /** Runs a call whose attempts fail with the given failures in turn (then succeed); the attempts made and the outcome. */
    private record Run(int attempts, Object outcome, long millis) {
    }

    private Run run(OpenAiException... failures) {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        CompletionStage<String> call = Retry.decorateCompletionStage(retry, timer, () -> {
            int attempt = attempts.getAndIncrement();
            return attempt < failures.length ? CompletableFuture.failedFuture(failures[attempt]) : CompletableFuture.completedFuture("ok");
        }).get();
        Object outcome;
        try {
            outcome = call.toCompletableFuture().join();
        } catch (CompletionException e) {
            outcome = e.getCause();
        }
        return new Run(attempts.get(), outcome, (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitOpenAiAsksFor() {
        Run run = run(failure(ErrorCode.RATE_LIMITED, true, Duration.ofMillis(150)));
        assertEquals(2, run.attempts());
        assertEquals("ok", run.outcome());
        assertTrue(run.millis() >= 150, "waited " + run.millis() + " ms");
    }

    @Test
    void aWaitBeyondTheCapIsAnsweredAtOnce() {
        OpenAiException longWait = failure(ErrorCode.RATE_LIMITED, true, Duration.ofSeconds(45));
        Run run = run(longWait);
        assertEquals(1, run.attempts());
        assertEquals(longWait, run.outcome());
        assertTrue(run.millis() < 1_000, "not slept through: " + run.millis() + " ms");
    }

    @Test
    void unwellIsRetriedThreeTimesInAllThenTheLastFailureIsTheAnswer() {
        OpenAiException last = failure(ErrorCode.OPENAI_UNAVAILABLE, true, null);
        Run run = run(failure(ErrorCode.OPENAI_UNAVAILABLE, true, null), failure(ErrorCode.OPENAI_TIMEOUT, true, null), last);
        assertEquals(3, run.attempts());
        assertEquals(last, run.outcome());
        assertTrue(run.millis() >= 20 + 40, "the jittered backoff, 50-100 % of 40 then 80 ms: " + run.millis() + " ms");
    }

    @Test
    void whatNoRetryCanHelpIsNotRetried() {
        assertEquals(1, run(failure(ErrorCode.INSUFFICIENT_QUOTA, false, null)).attempts());
        assertEquals(1, run(failure(ErrorCode.API_KEY_INVALID, false, null)).attempts());
        assertEquals(1, run(new OpenAiException(OpenAiFailure.circuitOpen(Duration.ofSeconds(30)))).attempts(),
                "nothing was sent at an open circuit, and it stays open for its wait");
    }

    @Test
    void callsWaitingForTheirNextAttemptHoldNoThread() throws Exception {
        List<CompletableFuture<String>> calls = new ArrayList<>();
        int before = Thread.activeCount();
        for (int i = 0; i < 1_000; i++) {
            AtomicInteger attempts = new AtomicInteger();
            calls.add(Retry.decorateCompletionStage(retry, timer, () -> attempts.getAndIncrement() == 0
                    ? CompletableFuture.<String>failedFuture(failure(ErrorCode.RATE_LIMITED, true, Duration.ofMillis(300)))
                    : CompletableFuture.completedFuture("ok")).get().toCompletableFuture());
        }
        assertTrue(Thread.activeCount() - before <= 2, "1,000 calls waiting on one timer thread");
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertTrue(calls.stream().allMatch(c -> "ok".equals(c.join())));
    }
}
