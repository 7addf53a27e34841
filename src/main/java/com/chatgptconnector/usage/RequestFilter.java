package com.chatgptconnector.usage;

import com.chatgptconnector.problem.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which requests to list by outcome: all of them, {@code ok}, every failure ({@code error}), or
 * one error code ({@code rate_limited}). Any well-formed code is accepted, also one this version
 * never wrote: it just matches nothing.
 */
public record RequestFilter(Kind kind, String code) {

    public enum Kind { ALL, OK, ERROR, CODE }

    public static final String OK = "ok";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public static RequestFilter parse(String outcome, String field) {
        if (outcome == null || outcome.isBlank()) {
            return new RequestFilter(Kind.ALL, null);
        }
        String value = outcome.strip().toLowerCase(Locale.ROOT);
        if (OK.equals(value)) {
            return new RequestFilter(Kind.OK, OK);
        }
        if ("error".equals(value)) {
            return new RequestFilter(Kind.ERROR, null);
        }
        if (!CODE.matcher(value).matches()) {
            throw ValidationException.of(field, "unknown_outcome");
        }
        return new RequestFilter(Kind.CODE, value);
    }
}
