package com.chatgptconnector.openai;

import com.chatgptconnector.json.JsonFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a relay needs to know of the server-sent events OpenAI streams, read from one
 * {@code data:} payload at a time: the end of a chat completion ({@code [DONE]}), its usage chunk
 * (sent when {@code stream_options.include_usage} asks for it: {@code choices: []} and a
 * {@code usage} object), an error OpenAI reports part-way ({@code {"error": {...}}}), and the
 * Responses API's typed events ({@code response.created} with the response's id,
 * {@code response.completed} / {@code incomplete} / {@code failed} with its usage, {@code error}).
 * Most payloads are passed on untouched: only the few that matter are parsed, found by cheap
 * string checks first. Nothing here throws on a payload that is not what it expected.
 */
public final class OpenAiEvents {

    /** The field OpenAI adds to every chunk once usage is asked for, as it writes it (compact JSON). */
    private static final String NULL_USAGE = ",\"usage\":null}";

    private OpenAiEvents() {
    }

    /** Tokens read from a usage object; the model where the event names one. */
    public record Usage(String model, long inputTokens, long outputTokens) {
    }

    public static boolean isDone(String data) {
        return "[DONE]".equals(data);
    }

    /** A chat completion chunk that is OpenAI's error envelope: the stream failed part-way. */
    public static boolean isError(String data) {
        return data.startsWith("{\"error\"") || (data.startsWith("{") && data.contains("\"error\":{") && !data.contains("\"choices\""));
    }

    /** The usage of a chat completion's usage chunk, {@code null} for any other chunk. */
    public static Usage chatUsage(String data) {
        if (!data.contains("\"usage\":{") && !data.contains("\"usage\": {")) {
            return null;
        }
        JsonObject chunk = object(data);
        if (chunk == null || !(chunk.get("usage") instanceof JsonObject usage)) {
            return null;
        }
        return new Usage(string(chunk, "model"), number(usage, "prompt_tokens"), number(usage, "completion_tokens"));
    }

    /**
     * A chunk as a client sees it that did not ask for usage: without the {@code "usage":null}
     * OpenAI adds to each chunk once asked (the usage chunk itself is dropped by the relay).
     */
    public static String withoutNullUsage(String data) {
        return data.endsWith(NULL_USAGE) ? data.substring(0, data.length() - NULL_USAGE.length()) + "}" : data;
    }

    /** The type of a Responses API event: its {@code event:} line, else the payload's {@code type}. */
    public static String responseEventType(String eventLine, String data) {
        if (eventLine != null) {
            return eventLine;
        }
        int type = data.indexOf("\"type\"");
        if (type < 0) {
            return null;
        }
        JsonObject event = object(data);
        return event == null ? null : string(event, "type");
    }

    /** The response's id in {@code response.created} (or any event carrying the response). */
    public static String responseId(String data) {
        JsonObject event = object(data);
        if (event == null) {
            return null;
        }
        return event.get("response") instanceof JsonObject response ? string(response, "id") : null;
    }

    /** The usage of the response an event carries ({@code response.completed} and its kin). */
    public static Usage responseUsage(String data) {
        JsonObject event = object(data);
        if (event == null || !(event.get("response") instanceof JsonObject response)) {
            return null;
        }
        return responsesUsage(response);
    }

    /** The usage of a Responses API response object ({@code input_tokens}, {@code output_tokens}). */
    public static Usage responsesUsage(JsonObject response) {
        if (!(response.get("usage") instanceof JsonObject usage)) {
            return new Usage(string(response, "model"), 0, 0);
        }
        return new Usage(string(response, "model"), number(usage, "input_tokens"), number(usage, "output_tokens"));
    }

    private static JsonObject object(String data) {
        try {
            return JsonFactory.readValue(data) instanceof JsonObject o ? o : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static long number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber n ? n.longValue() : 0;
    }
}
