package com.chatgptconnector.openai;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before retrying a call to OpenAI.
 *
 * <p>Without a server hint the wait grows exponentially and is jittered so that many workspaces
 * failing at the same moment do not retry in lockstep. The jitter keeps at least half of the
 * exponential step, so a retry never fires almost immediately after a failure. A server hint
 * ({@code retry-after-ms}, {@code retry-after}, rate-limit reset) is followed exactly: retrying
 * earlier than OpenAI asked only earns another 429. It is capped, because a hint of minutes would
 * hold a user's request far longer than the user is willing to wait.
 *
 * @param initial    the step before the first retry, before jitter
 * @param multiplier growth of the step per retry, at least 1
 * @param max        the largest step, before jitter
 * @param cap        the longest server hint honoured
 * @param random     the source of jitter; a seeded one makes delays reproducible in tests
 */
public record Backoff(Duration initial, double multiplier, Duration max, Duration cap, RandomGenerator random) {

    private static final double MIN_JITTER = 0.5;
    private static final double MAX_JITTER = 1.0;

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (initial.isNegative() || max.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be finite and at least 1: " + multiplier);
        }
    }

    /**
     * @param retryNumber 1 for the first retry, 2 for the second, ...
     * @param serverHint  the wait OpenAI asked for, {@code null} if it did not say
     * @return the wait before that retry
     */
    public Duration delayBeforeRetry(int retryNumber, Duration serverHint) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retryNumber is 1-based: " + retryNumber);
        }
        if (serverHint != null) {
            Duration hint = serverHint.isNegative() ? Duration.ZERO : serverHint;
            return hint.compareTo(cap) > 0 ? cap : hint;
        }
        double step = stepNanos(retryNumber);
        double jitter = random.nextDouble(MIN_JITTER, MAX_JITTER);
        return Duration.ofNanos(Math.round(step * jitter));
    }

    /** The un-jittered step; computed in double so large retry numbers saturate instead of overflowing. */
    private double stepNanos(int retryNumber) {
        double maxNanos = toNanos(max);
        double grown = toNanos(initial) * Math.pow(multiplier, retryNumber - 1);
        return Double.isNaN(grown) || grown > maxNanos ? maxNanos : grown;
    }

    private static double toNanos(Duration d) {
        return d.getSeconds() * 1e9 + d.getNano();
    }
}
