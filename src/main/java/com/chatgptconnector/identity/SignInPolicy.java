package com.chatgptconnector.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed sign-ins turn into a wait: {@code free} failures in a row cost nothing; each one
 * after them locks for {@code firstLock}, doubled for every further failure, at most
 * {@code maxLock}. A count whose last failure is older than {@code forgetAfter} starts again, so
 * a lock always expires and an attacker cannot keep an account locked for good without failing
 * again and again (each failure from an address that has failed is refused while the lock lasts).
 */
public record SignInPolicy(int free, Duration firstLock, Duration maxLock, Duration forgetAfter) {

    /** When the lock after {@code failures} failures ends, or {@code null} while there is none. */
    public Instant lockUntil(int failures, Instant now) {
        if (failures <= free) {
            return null;
        }
        int doublings = Math.min(failures - free - 1, 30);
        long millis = firstLock.toMillis() << doublings;
        if (millis <= 0 || millis > maxLock.toMillis()) {
            millis = maxLock.toMillis();
        }
        return now.plusMillis(millis);
    }
}
