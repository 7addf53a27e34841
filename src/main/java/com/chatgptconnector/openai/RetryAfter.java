package com.chatgptconnector.openai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads how long OpenAI asked a client to wait. Header values come from outside, so nothing here
 * throws on a bad value: a value that cannot be understood is treated as absent.
 */
public final class RetryAfter {

    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    /**
     * Longer texts are refused before any arithmetic, so a hostile header cannot make us build
     * enormous numbers.
     */
    private static final int MAX_TEXT_LENGTH = 64;

    private RetryAfter() {
    }

    /**
     * The server's wait hint from {@code retry-after-ms} or else {@code retry-after}
     * (delta-seconds or an RFC 1123 date). An unusable {@code retry-after-ms} falls through to
     * {@code retry-after} rather than discarding a usable hint.
     *
     * @param header case-insensitive single header lookup, returning {@code null} when absent
     * @param clock  the clock an HTTP date is measured against
     * @return the wait, {@link Duration#ZERO} for a date already past, empty if none is usable
     */
    public static Optional<Duration> parse(Function<String, String> header, Clock clock) {
        if (header == null) {
            return Optional.empty();
        }
        Optional<Duration> millis = parseDecimal(lookup(header, "retry-after-ms"), NANOS_PER_MILLI);
        if (millis.isPresent()) {
            return millis;
        }
        String retryAfter = lookup(header, "retry-after");
        if (retryAfter == null) {
            return Optional.empty();
        }
        if (startsLikeNumber(retryAfter)) {
            return parseDecimal(retryAfter, NANOS_PER_SECOND);
        }
        return parseHttpDate(retryAfter, clock);
    }

    /**
     * Parses Go's {@code time.Duration} text as OpenAI sends it in {@code x-ratelimit-reset-*}:
     * a sequence of decimal numbers with units {@code h m s ms us µs ns}, e.g. {@code "6m0s"},
     * {@code "1h2m3.5s"}, {@code "20ms"}; a bare {@code "0"} is allowed as in Go.
     *
     * @return the duration, empty for {@code null}, negative or malformed text
     */
    public static Optional<Duration> parseGoDuration(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        if (s.equals("0") || s.equals("+0")) {
            return Optional.of(Duration.ZERO);
        }
        int i = 0;
        if (s.startsWith("+")) {
            i = 1;
        }
        if (i >= s.length()) {
            return Optional.empty();
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        while (i < s.length()) {
            int numberStart = i;
            boolean digits = false;
            boolean dot = false;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits = true;
                } else if (c == '.' && !dot) {
                    dot = true;
                } else {
                    break;
                }
                i++;
            }
            if (!digits) {
                return Optional.empty();
            }
            BigDecimal number = plainDecimal(s.substring(numberStart, i));
            if (number == null) {
                return Optional.empty();
            }
            int unitStart = i;
            while (i < s.length() && !isDigitOrDot(s.charAt(i))) {
                i++;
            }
            BigDecimal unitNanos = unitNanos(s.substring(unitStart, i));
            if (unitNanos == null) {
                return Optional.empty();
            }
            totalNanos = totalNanos.add(number.multiply(unitNanos));
        }
        return toDuration(totalNanos);
    }

    private static String lookup(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static boolean startsLikeNumber(String value) {
        char c = value.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }

    private static Optional<Duration> parseDecimal(String value, BigDecimal nanosPerUnit) {
        if (value == null) {
            return Optional.empty();
        }
        BigDecimal number = plainDecimal(value);
        if (number == null) {
            return Optional.empty();
        }
        return toDuration(number.multiply(nanosPerUnit));
    }

    /**
     * An unsigned decimal such as {@code 20}, {@code 0.5} or {@code 1.}, else {@code null}.
     * Hand-checked rather than {@code new BigDecimal(text)} alone, which would accept exponents
     * like {@code 1e999999999} whose rounding costs unbounded time and memory, and rather than
     * {@code Double.parseDouble}, which accepts {@code NaN} and {@code Infinity}. A leading
     * minus sign makes the value unusable, as a negative wait means nothing.
     */
    private static BigDecimal plainDecimal(String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        int start = text.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return null;
            }
        }
        return digits ? new BigDecimal(text.substring(start)) : null;
    }

    private static Optional<Duration> parseHttpDate(String value, Clock clock) {
        ZonedDateTime date;
        try {
            date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), date.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Optional<Duration> toDuration(BigDecimal nanos) {
        if (nanos.signum() < 0) {
            return Optional.empty();
        }
        // round up: a client must never wait less than it was asked to
        BigDecimal whole = nanos.setScale(0, RoundingMode.CEILING);
        BigDecimal[] secondsAndNanos = whole.divideAndRemainder(NANOS_PER_SECOND);
        try {
            return Optional.of(Duration.ofSeconds(
                    secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static boolean isDigitOrDot(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    private static BigDecimal unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> BigDecimal.ONE;
            case "us", "\u00b5s", "\u03bcs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
            default -> null;
        };
    }
}
