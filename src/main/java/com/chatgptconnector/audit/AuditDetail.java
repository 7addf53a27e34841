package com.chatgptconnector.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit line's detail as named values, for clients that render it in their own language. The
 * stored text is {@code key=value, key=value} with the keys below; a value may itself contain
 * {@code ", "} (a workspace called "Sales, Europe", a list of models), so the text is split only
 * where a known key follows. {@code null} values are left out; a list keeps its items without
 * the brackets ({@code [a, b]} becomes {@code a, b}, {@code []} an empty value).
 */
public final class AuditDetail {

    /** Every key the services write (see the callers of {@link AuditService#record}). */
    static final String KEYS = "name|user|role|status|reason|source|organizationId|projectId|tokenLimit|allowedModels|from|token|block";
    private static final Pattern START = Pattern.compile("(?:^|, )(" + KEYS + ")=");

    private AuditDetail() {
    }

    public static Map<String, String> parse(String detail) {
        if (detail == null || detail.isBlank()) {
            return Map.of();
        }
        Matcher m = START.matcher(detail);
        Map<String, String> fields = new LinkedHashMap<>();
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                put(fields, key, detail.substring(valueStart, m.start()));
            } else if (m.start() > 0) {
                // text before the first known key: an older or unknown format, kept whole
                return Map.of("text", detail);
            }
            key = m.group(1);
            valueStart = m.end();
        }
        if (key == null) {
            return Map.of("text", detail);
        }
        put(fields, key, detail.substring(valueStart));
        return Collections.unmodifiableMap(fields);
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if ("null".equals(value)) {
            return;
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        fields.put(key, value);
    }
}
