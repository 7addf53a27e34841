package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void millisecondsWinOverSeconds() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), parse("retry-after-ms", "1500", "retry-after", "20"));
    }

    @Test
    void fractionalMilliseconds() {
        assertEquals(Optional.of(Duration.ofNanos(246_500_000)), parse("retry-after-ms", "246.5"));
    }

    @Test
    void fractionalMillisecondsRoundUpToTheNanosecond() {
        assertEquals(Optional.of(Duration.ofNanos(2)), parse("retry-after-ms", "0.0000011"));
    }

    @Test
    void headerNamesAreLookedUpCaseInsensitively() {
        assertEquals(Optional.of(Duration.ofMillis(20)), parse("Retry-After-Ms", "20"));
    }

    @Test
    void unusableMillisecondsFallBackToSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), parse("retry-after-ms", "soon", "retry-after", "5"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), parse("retry-after-ms", "-100", "retry-after", "5"));
    }

    @Test
    void deltaSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(20)), parse("retry-after", "20"));
        assertEquals(Optional.of(Duration.ZERO), parse("retry-after", "0"));
        assertEquals(Optional.of(Duration.ofSeconds(7)), parse("retry-after", " 7 "));
    }

    @Test
    void httpDateIsMeasuredAgainstTheClock() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), parse("retry-after", "Wed, 15 Jan 2025 10:01:30 GMT"));
    }

    @Test
    void httpDateWithSingleDigitDay() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-03T23:59:59Z"), ZoneOffset.UTC);
        Map<String, String> headers = headers("retry-after", "Sat, 4 Jan 2025 00:00:01 GMT");
        assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfter.parse(headers::get, clock));
    }

    @Test
    void httpDateInThePastMeansNow() {
        assertEquals(Optional.of(Duration.ZERO), parse("retry-after", "Wed, 15 Jan 2025 09:59:00 GMT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "   ", "NaN", "Infinity", "0x10", "1e3", "20s", "1,5", "--5",
        "Wednesday, 15-Jan-25 10:01:30 GMT", "2025-01-15T10:01:30Z", "Wed, 32 Jan 2025 10:01:30 GMT",
        "99999999999999999999999999999999999", "1.2.3"})
    void garbageIsIgnored(String value) {
        assertEquals(Optional.empty(), parse("retry-after", value), value);
        assertEquals(Optional.empty(), parse("retry-after-ms", value), value);
    }

    @Test
    void overlongValueIsRefusedBeforeAnyArithmetic() {
        String value = "1" + "0".repeat(100_000);
        assertEquals(Optional.empty(), parse("retry-after", value));
        assertEquals(Optional.empty(), parse("retry-after-ms", value));
        assertEquals(Optional.empty(), RetryAfter.parseGoDuration(value + "s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "-20"})
    void negativeIsIgnored(String value) {
        assertEquals(Optional.empty(), parse("retry-after", value));
        assertEquals(Optional.empty(), parse("retry-after-ms", value));
    }

    @Test
    void absentHeaders() {
        assertEquals(Optional.empty(), parse());
        assertEquals(Optional.empty(), RetryAfter.parse(null, CLOCK));
    }

    @Test
    void goDurations() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), RetryAfter.parseGoDuration("1s"));
        assertEquals(Optional.of(Duration.ofMinutes(6)), RetryAfter.parseGoDuration("6m0s"));
        assertEquals(Optional.of(Duration.ofMillis(20)), RetryAfter.parseGoDuration("20ms"));
        assertEquals(Optional.of(Duration.ofMillis(3_723_500)), RetryAfter.parseGoDuration("1h2m3.5s"));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parseGoDuration("0s"));
    }

    @Test
    void rarerGoDurations() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parseGoDuration("0"));
        assertEquals(Optional.of(Duration.ofMillis(6)), RetryAfter.parseGoDuration("6ms"));
        assertEquals(Optional.of(Duration.ofNanos(1_500)), RetryAfter.parseGoDuration("1.5us"));
        assertEquals(Optional.of(Duration.ofNanos(2_000)), RetryAfter.parseGoDuration("2\u00b5s"));
        assertEquals(Optional.of(Duration.ofNanos(7)), RetryAfter.parseGoDuration("7ns"));
        assertEquals(Optional.of(Duration.ofMillis(500)), RetryAfter.parseGoDuration(".5s"));
        assertEquals(Optional.of(Duration.ofMinutes(90)), RetryAfter.parseGoDuration("1.5h"));
        assertEquals(Optional.of(Duration.ofMillis(59_210)), RetryAfter.parseGoDuration("59.21s"));
        assertEquals(Optional.of(Duration.ofMillis(1_020)), RetryAfter.parseGoDuration("1s20ms"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "s", "1", "10", "1x", "-1s", "1 s", "1s-2s", "ms", "1..5s", ".s", "1sms",
        "P1D", "PT6M", "1e3s", "99999999999999999999999h"})
    void badGoDurations(String text) {
        assertEquals(Optional.empty(), RetryAfter.parseGoDuration(text), text);
    }

    private static Optional<Duration> parse(String... namesAndValues) {
        Map<String, String> headers = headers(namesAndValues);
        Function<String, String> lookup = headers::get;
        return RetryAfter.parse(lookup, CLOCK);
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
