package com.chatgptconnector.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    final SignInPolicy policy = new SignInPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
    final Instant now = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void theFirstFiveFailuresCostNothingThenTheWaitDoublesUpToFifteenMinutes() {
        for (int failures = 0; failures <= 5; failures++) {
            assertNull(policy.lockUntil(failures, now), "failure " + failures);
        }
        assertEquals(now.plusSeconds(1), policy.lockUntil(6, now));
        assertEquals(now.plusSeconds(2), policy.lockUntil(7, now));
        assertEquals(now.plusSeconds(4), policy.lockUntil(8, now));
        assertEquals(now.plusSeconds(512), policy.lockUntil(15, now));
        assertEquals(now.plus(Duration.ofMinutes(15)), policy.lockUntil(16, now));
        // the 31st wrong password of the probe waits the longest lock, and never longer
        assertEquals(now.plus(Duration.ofMinutes(15)), policy.lockUntil(31, now));
        assertEquals(now.plus(Duration.ofMinutes(15)), policy.lockUntil(10_000, now));
    }
}
