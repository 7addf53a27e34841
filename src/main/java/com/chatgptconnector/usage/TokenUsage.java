package com.chatgptconnector.usage;

import com.chatgptconnector.json.JsonFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The model and tokens of one answer, as a usage record counts them: {@code prompt_tokens} /
 * {@code completion_tokens} of chat completions and embeddings, {@code input_tokens} /
 * {@code output_tokens} of the Responses API; none for the endpoints OpenAI does not bill by the
 * token. Read from the body without parsing all of it: an embeddings answer is mostly vectors,
 * and only its {@code usage} object and {@code model} matter here. A body without them counts
 * nothing rather than failing an answer OpenAI has already billed.
 */
public record TokenUsage(String model, long promptTokens, long completionTokens) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** What {@code body}, a 2xx answer of {@code endpoint}, says was used; {@code model} if the body names none. */
    public static TokenUsage of(Endpoint endpoint, String body, String model) {
        String answered = firstString(body, "model");
        String named = answered == null ? model : answered;
        if (!endpoint.reservesTokens()) {
            return new TokenUsage(named, 0, 0);
        }
        JsonObject usage = lastObject(body, "usage");
        if (usage == null) {
            return new TokenUsage(named, 0, 0);
        }
        return endpoint == Endpoint.RESPONSES
                ? new TokenUsage(named, number(usage, "input_tokens"), number(usage, "output_tokens"))
                : new TokenUsage(named, number(usage, "prompt_tokens"), number(usage, "completion_tokens"));
    }

    /**
     * The object under the last {@code "name":} key of the body. Inside a JSON string a quote is
     * escaped, so a key found unescaped is a key; OpenAI puts {@code usage} last but one level
     * deep, after everything a model wrote.
     */
    static JsonObject lastObject(String body, String name) {
        String key = "\"" + name + "\"";
        for (int at = body.lastIndexOf(key); at > 0; at = body.lastIndexOf(key, at - 1)) {
            if (body.charAt(at - 1) == '\\') {
                continue;
            }
            int open = skipToValue(body, at + key.length());
            if (open < 0 || body.charAt(open) != '{') {
                return null;
            }
            int close = matchingBrace(body, open);
            if (close < 0) {
                return null;
            }
            try {
                return JsonFactory.readObject(body.substring(open, close + 1));
            } catch (RuntimeException notJson) {
                return null;
            }
        }
        return null;
    }

    /**
     * The string under the first unescaped {@code "name":} key: an answer's {@code id} and
     * {@code model} come before anything nested that could name them too.
     */
    public static String firstString(String body, String name) {
        String key = "\"" + name + "\"";
        for (int at = body.indexOf(key); at > 0; at = body.indexOf(key, at + 1)) {
            if (body.charAt(at - 1) == '\\') {
                continue;
            }
            int open = skipToValue(body, at + key.length());
            if (open < 0 || body.charAt(open) != '"') {
                return null;
            }
            int end = body.indexOf('"', open + 1);
            while (end > 0 && body.charAt(end - 1) == '\\') {
                end = body.indexOf('"', end + 1);
            }
            return end < 0 ? null : body.substring(open + 1, end);
        }
        return null;
    }

    /** After a key: past whitespace, the colon and whitespace; the value's first character, or -1. */
    private static int skipToValue(String body, int from) {
        int i = from;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != ':') {
            return -1;
        }
        i++;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return i < body.length() ? i : -1;
    }

    private static int matchingBrace(String body, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static long number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber n ? n.longValue() : 0;
    }
}
