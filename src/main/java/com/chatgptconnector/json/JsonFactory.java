package com.chatgptconnector.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look the
 * provider up on every call, which scans the class path for a service file: the benchmark showed
 * it as the largest cost of a request.
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {
    }

    /**
     * One JSON object from a whole text; a {@link jakarta.json.JsonException} where it is none.
     * The reader is closed, which hands its 8 KiB parse buffer back to the provider's pool: an
     * unclosed reader left a new one to the garbage collector on every request (the top site of an
     * allocation profile).
     */
    public static JsonObject readObject(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** As {@link #readObject}, for any JSON value. */
    public static JsonValue readValue(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
