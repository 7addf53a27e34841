package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The breaker and bulkhead of each workspace as docs/configuration.md describes them: open on the
 * fifth consecutive "OpenAI is unwell" failure, a rejected key neither counted nor resetting the
 * count, one trial call after {@code open-for}, and nothing shared between workspaces.
 */
class WorkspaceResilienceTest {

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();
    private final WorkspaceResilience resilience = WorkspaceResilience.of(5, Duration.ofSeconds(30), 2, clock);
    private final RuntimeException unwell = new RuntimeException("503");

    private void fail(CircuitBreaker breaker) {
        assertNull(resilience.acquire(breaker));
        resilience.onFailure(breaker, 1_000_000, unwell);
    }

    @Test
    void theFifthConsecutiveFailureOpensTheCircuitForItsWait() {
        CircuitBreaker breaker = resilience.breaker("w1");
        for (int i = 0; i < 4; i++) {
            fail(breaker);
        }
        assertEquals(0, resilience.openCount());
        fail(breaker);
        assertEquals(1, resilience.openCount());
        assertEquals(Duration.ofSeconds(30), resilience.acquire(breaker));
        clock.now = clock.now.plusSeconds(20);
        assertEquals(Duration.ofSeconds(10), resilience.acquire(breaker));
        assertNull(resilience.acquire(resilience.breaker("w2")), "another workspace is not affected");
    }

    @Test
    void aSuccessStartsTheCountAfreshAndARejectedKeyDoesNotCount() {
        CircuitBreaker breaker = resilience.breaker("w1");
        for (int i = 0; i < 4; i++) {
            fail(breaker);
        }
        assertNull(resilience.acquire(breaker));
        resilience.onSuccess(breaker, 1_000_000);
        for (int i = 0; i < 4; i++) {
            fail(breaker);
        }
        for (int i = 0; i < 10; i++) {
            assertNull(resilience.acquire(breaker));
            resilience.onNeutral(breaker, 1_000_000);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.getState(), "401s are OpenAI's answers, not an outage");
        fail(breaker);
        assertEquals(CircuitBreaker.State.OPEN, breaker.getState(), "nor do they reset the count of failures");
    }

    @Test
    void afterTheWaitOneTrialGoesOutAndDecides() {
        CircuitBreaker breaker = resilience.breaker("w1");
        for (int i = 0; i < 5; i++) {
            fail(breaker);
        }
        clock.now = clock.now.plusSeconds(30).plusMillis(1);
        assertEquals(0, resilience.openCount(), "past its wait a circuit is no longer reported open");
        assertNull(resilience.acquire(breaker), "the trial");
        assertEquals(Duration.ofSeconds(1), resilience.acquire(breaker), "while the trial is out");
        resilience.onFailure(breaker, 1_000_000, unwell);
        assertEquals(Duration.ofSeconds(30), resilience.acquire(breaker), "a failed trial opens it again for the whole wait");

        clock.now = clock.now.plusSeconds(30).plusMillis(1);
        assertNull(resilience.acquire(breaker));
        resilience.onNeutral(breaker, 1_000_000);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.getState(), "OpenAI answered the trial, if with an error of the caller's");
        assertNull(resilience.acquire(breaker));
    }

    @Test
    void theBulkheadRefusesAtOnceAndIsPerWorkspace() {
        Bulkhead w1 = resilience.bulkhead("w1");
        assertTrue(w1.tryAcquirePermission());
        assertTrue(w1.tryAcquirePermission());
        long started = System.nanoTime();
        assertFalse(w1.tryAcquirePermission());
        assertTrue(System.nanoTime() - started < 50_000_000L, "no wait for a place");
        assertTrue(resilience.bulkhead("w2").tryAcquirePermission());
        w1.onComplete();
        assertTrue(w1.tryAcquirePermission());
        assertNotNull(resilience.bulkhead("w1"));
    }
}
