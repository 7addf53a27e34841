package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A workspace's breaker as docs/configuration.md describes it: open on the fifth consecutive
 * "OpenAI is unwell" failure, a rejected key neither counted nor resetting the count, one trial
 * call after {@code open-for}. (The same cases were run against Resilience4j's breaker in the
 * evaluation of docs/adr/0002-own-retry-breaker-bulkhead.md.)
 */
class CircuitBreakerTest {

    private long now = 1_000_000_000L;
    private final CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(30), () -> now);

    private void fail() {
        assertNull(breaker.acquire());
        breaker.onFailure();
    }

    private void later(Duration by) {
        now += by.toNanos();
    }

    @Test
    void theFifthConsecutiveFailureOpensTheCircuitForItsWait() {
        for (int i = 0; i < 4; i++) {
            fail();
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        fail();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertEquals(Duration.ofSeconds(30), breaker.acquire());
        later(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(10), breaker.acquire());
    }

    @Test
    void aSuccessStartsTheCountAfreshAndARejectedKeyDoesNotCount() {
        for (int i = 0; i < 4; i++) {
            fail();
        }
        assertNull(breaker.acquire());
        breaker.onSuccess();
        for (int i = 0; i < 4; i++) {
            fail();
        }
        for (int i = 0; i < 10; i++) {
            assertNull(breaker.acquire());
            breaker.onNeutral();
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "401s are OpenAI's answers, not an outage");
        fail();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "nor do they reset the count of failures");
    }

    @Test
    void afterTheWaitOneTrialGoesOutAndDecides() {
        for (int i = 0; i < 5; i++) {
            fail();
        }
        later(Duration.ofSeconds(30));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state(), "past its wait a circuit is no longer reported open");
        assertNull(breaker.acquire(), "the trial");
        assertEquals(Duration.ofSeconds(1), breaker.acquire(), "while the trial is out");
        breaker.onFailure();
        assertEquals(Duration.ofSeconds(30), breaker.acquire(), "a failed trial opens it again for the whole wait");

        later(Duration.ofSeconds(30));
        assertNull(breaker.acquire());
        breaker.onNeutral();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "OpenAI answered the trial, if with an error of the caller's");
        assertNull(breaker.acquire());
    }

    /** What the gateway does when an attempt fails before or after its answer is judged: the trial's slot comes free. */
    @Test
    void aNeutralEndAfterTheBreakerWasToldAlreadyChangesNothing() {
        for (int i = 0; i < 5; i++) {
            fail();
        }
        breaker.onNeutral();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "an open circuit stays open");
        later(Duration.ofSeconds(30));
        assertNull(breaker.acquire(), "the trial");
        breaker.onNeutral();
        assertNull(breaker.acquire(), "the slot is free again, not held by a call that never went out");
    }
}
