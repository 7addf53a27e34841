package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(8);
    private static final Duration CAP = Duration.ofSeconds(30);

    /** Always draws the given jitter factor, so the un-jittered step can be read off exactly. */
    private static RandomGenerator fixed(double factor) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble(double origin, double bound) {
                assertEquals(0.5, origin);
                assertEquals(1.0, bound);
                return factor;
            }
        };
    }

    private static Backoff backoff(RandomGenerator random) {
        return new Backoff(INITIAL, 2.0, MAX, CAP, random);
    }

    @Test
    void growsExponentially() {
        Backoff b = backoff(fixed(1.0));
        assertEquals(Duration.ofMillis(500), b.delayBeforeRetry(1, null));
        assertEquals(Duration.ofMillis(1000), b.delayBeforeRetry(2, null));
        assertEquals(Duration.ofMillis(2000), b.delayBeforeRetry(3, null));
        assertEquals(Duration.ofMillis(4000), b.delayBeforeRetry(4, null));
    }

    @Test
    void jitterScalesTheStep() {
        assertEquals(Duration.ofMillis(1000), backoff(fixed(0.5)).delayBeforeRetry(3, null));
        assertEquals(Duration.ofMillis(1500), backoff(fixed(0.75)).delayBeforeRetry(3, null));
    }

    @Test
    void stopsGrowingAtMax() {
        Backoff b = backoff(fixed(1.0));
        assertEquals(Duration.ofSeconds(8), b.delayBeforeRetry(5, null));
        assertEquals(Duration.ofSeconds(8), b.delayBeforeRetry(6, null));
        assertEquals(Duration.ofSeconds(8), b.delayBeforeRetry(1_000, null));
        assertEquals(Duration.ofSeconds(8), b.delayBeforeRetry(Integer.MAX_VALUE, null));
    }

    @Test
    void jitterStaysWithinHalfAndFullStepOverManyDraws() {
        Backoff b = backoff(new SplittableRandom(42));
        for (int retry = 1; retry <= 8; retry++) {
            long step = Math.min(MAX.toNanos(), INITIAL.toNanos() << (retry - 1));
            Set<Duration> seen = new HashSet<>();
            long below = 0;
            for (int draw = 0; draw < 2_000; draw++) {
                Duration d = b.delayBeforeRetry(retry, null);
                long nanos = d.toNanos();
                assertTrue(nanos >= step / 2, retry + ": " + d + " below half the step");
                assertTrue(nanos <= step, retry + ": " + d + " above the step");
                seen.add(d);
                if (nanos < step * 3 / 4) {
                    below++;
                }
            }
            // really jittered, and spread over the whole range rather than stuck at one end
            assertTrue(seen.size() > 1_900, retry + ": only " + seen.size() + " distinct delays");
            assertTrue(below > 800 && below < 1_200, retry + ": " + below + " of 2000 in the lower half");
        }
    }

    @Test
    void sameSeedSameDelays() {
        Backoff a = backoff(new SplittableRandom(7));
        Backoff b = backoff(new SplittableRandom(7));
        for (int retry = 1; retry <= 5; retry++) {
            assertEquals(a.delayBeforeRetry(retry, null), b.delayBeforeRetry(retry, null));
        }
        assertNotEquals(backoff(new SplittableRandom(7)).delayBeforeRetry(3, null),
                backoff(new SplittableRandom(8)).delayBeforeRetry(3, null));
    }

    @Test
    void serverHintIsHonouredExactlyWithoutJitter() {
        Backoff b = backoff(new SplittableRandom(1));
        assertEquals(Duration.ofMillis(20_000), b.delayBeforeRetry(1, Duration.ofMillis(20_000)));
        assertEquals(Duration.ofMillis(6), b.delayBeforeRetry(3, Duration.ofMillis(6)));
        // above max, below cap: the server's word beats our own schedule
        assertEquals(Duration.ofSeconds(12), b.delayBeforeRetry(1, Duration.ofSeconds(12)));
        assertEquals(Duration.ZERO, b.delayBeforeRetry(2, Duration.ZERO));
    }

    @Test
    void serverHintIsCapped() {
        Backoff b = backoff(new SplittableRandom(1));
        assertEquals(CAP, b.delayBeforeRetry(1, Duration.ofSeconds(31)));
        assertEquals(CAP, b.delayBeforeRetry(1, Duration.ofHours(1)));
        assertEquals(CAP, b.delayBeforeRetry(1, CAP));
    }

    @Test
    void negativeHintMeansNow() {
        assertEquals(Duration.ZERO, backoff(fixed(1.0)).delayBeforeRetry(1, Duration.ofSeconds(-3)));
    }

    @Test
    void retryNumbersAreOneBased() {
        Backoff b = backoff(fixed(1.0));
        assertThrows(IllegalArgumentException.class, () -> b.delayBeforeRetry(0, null));
        assertThrows(IllegalArgumentException.class, () -> b.delayBeforeRetry(-1, Duration.ofSeconds(1)));
    }

    @Test
    void rejectsNonsensicalPolicies() {
        RandomGenerator r = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> new Backoff(INITIAL, 0.5, MAX, CAP, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(INITIAL, Double.NaN, MAX, CAP, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(INITIAL, Double.POSITIVE_INFINITY, MAX, CAP, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(-1), 2.0, MAX, CAP, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(INITIAL, 2.0, MAX, Duration.ofSeconds(-1), r));
        assertThrows(NullPointerException.class, () -> new Backoff(INITIAL, 2.0, MAX, CAP, null));
        assertThrows(NullPointerException.class, () -> new Backoff(null, 2.0, MAX, CAP, r));
    }
}
