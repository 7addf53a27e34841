package com.chatgptconnector.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RememberedPasswordsTest {

    private static final String HASH = "PBKDF2WithHmacSHA256:210000:c2FsdA==:aGFzaA==";

    private final AtomicLong now = new AtomicLong(1_000);
    private final RememberedPasswords remembered = new RememberedPasswords(Duration.ofMinutes(5), 100, now::get);

    @Test
    void aPasswordIsRecalledOnlyOnceVerifiedAndOnlyForItsUserHashAndText() {
        assertFalse(remembered.recalls("ada", HASH, "correct horse"));
        remembered.remember("ada", HASH, "correct horse");

        assertTrue(remembered.recalls("ada", HASH, "correct horse"));
        assertFalse(remembered.recalls("ada", HASH, "correct horse "), "another password");
        assertFalse(remembered.recalls("bob", HASH, "correct horse"), "another user");
        assertFalse(remembered.recalls("ada", HASH.replace("aGFzaA", "bmV3"), "correct horse"), "the password was changed");
    }

    @Test
    void aClientInSteadyUseIsNeverSentBackToPbkdf2() {
        remembered.remember("ada", HASH, "correct horse");
        // a request every four minutes for an hour: a fixed five-minute lifetime would have ended at minute 8
        for (int minute = 4; minute <= 60; minute += 4) {
            now.set(1_000 + Duration.ofMinutes(minute).toNanos());
            assertTrue(remembered.recalls("ada", HASH, "correct horse"), "minute " + minute);
        }
    }

    @Test
    void aPasswordIsForgottenAfterFiveMinutesWithoutUse() {
        remembered.remember("ada", HASH, "correct horse");
        now.addAndGet(Duration.ofMinutes(5).toNanos());

        assertFalse(remembered.recalls("ada", HASH, "correct horse"));
    }

    @Test
    void aWrongPasswordDoesNotKeepTheRightOneAlive() {
        remembered.remember("ada", HASH, "correct horse");
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertFalse(remembered.recalls("ada", HASH, "wrong"));
        now.addAndGet(Duration.ofMinutes(1).toNanos());

        assertFalse(remembered.recalls("ada", HASH, "correct horse"));
    }
}
