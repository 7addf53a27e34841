package com.chatgptconnector;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look the
 * provider up on every call, which scans the class path for a service file: the benchmark showed
 * it as the largest cost of a request.
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {
    }
}
