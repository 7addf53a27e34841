package com.chatgptconnector.openai;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker for one workspace's calls to OpenAI. MicroProfile Fault Tolerance keeps
 * one breaker per method for all callers, so one workspace's outage would block every other;
 * this one is kept per workspace by {@link WorkspaceCircuitBreakers}. Only failures that say
 * "OpenAI is unwell" count (5xx, timeouts, connection failures); a rejected key does not.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoTime;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoTime) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Null if a call may go out now; otherwise how long until the breaker lets one through. */
    synchronized Duration acquire() {
        if (state == State.OPEN) {
            long waited = nanoTime.getAsLong() - openedAt;
            if (waited < openNanos) {
                return Duration.ofNanos(openNanos - waited);
            }
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return Duration.ofSeconds(1);
            }
            trialInFlight = true;
        }
        return null;
    }

    synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** A failure that does not say anything about OpenAI's health: the trial slot is freed. */
    synchronized void onNeutral() {
        if (state == State.HALF_OPEN) {
            state = State.CLOSED;
            consecutiveFailures = 0;
        }
        trialInFlight = false;
    }

    synchronized void onFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoTime.getAsLong();
        }
    }

    synchronized State state() {
        if (state == State.OPEN && nanoTime.getAsLong() - openedAt >= openNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
