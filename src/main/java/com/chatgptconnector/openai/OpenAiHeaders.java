package com.chatgptconnector.openai;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The headers of an OpenAI answer that its clients may see as OpenAI sent them: the request id,
 * the processing time, the rate-limit state, how long to wait and whether a retry can help (the
 * SDKs read {@code x-should-retry} before they decide). Nothing else of OpenAI's answer (cookies,
 * its proxies' headers) is passed on. Kept as one flat array: this is read on every call.
 */
public final class OpenAiHeaders {

    public static final OpenAiHeaders NONE = new OpenAiHeaders(new String[0]);

    private final String[] namesAndValues;

    private OpenAiHeaders(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** Whether a client may see this header of OpenAI's answer (names in lower case). */
    public static boolean passedThrough(String lowerCaseName) {
        return switch (lowerCaseName) {
            case "x-request-id", "openai-processing-ms", "retry-after", "retry-after-ms", "x-should-retry" -> true;
            default -> lowerCaseName.startsWith("x-ratelimit-");
        };
    }

    /** The passed-through headers of an answer. */
    public static OpenAiHeaders of(HttpResponse response) {
        Header[] all = response.getHeaders();
        String[] kept = new String[2 * all.length];
        int n = 0;
        for (Header header : all) {
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (passedThrough(name)) {
                kept[n++] = name;
                kept[n++] = header.getValue();
            }
        }
        return n == 0 ? NONE : new OpenAiHeaders(Arrays.copyOf(kept, n));
    }

    /** From name/value pairs (names in any case), for tests and the service's own answers. */
    public static OpenAiHeaders of(String... namesAndValues) {
        String[] kept = namesAndValues.clone();
        for (int i = 0; i < kept.length; i += 2) {
            kept[i] = kept[i].toLowerCase(Locale.ROOT);
        }
        return new OpenAiHeaders(kept);
    }

    /** The first value of a header, {@code null} if OpenAI did not send it. */
    public String get(String lowerCaseName) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(lowerCaseName)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    public void forEach(BiConsumer<String, String> header) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            header.accept(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(namesAndValues);
    }
}
