package com.chatgptconnector.openai;

/**
 * One call to make to OpenAI: method, path under the API's base URL (with its query), the JSON
 * body ({@code null} for none), the operation it counts under in the metrics, and whether the
 * gateway retries it. The OpenAI SDKs retry on their own (twice by default), so a call made for
 * one of them gets a single attempt and its retry hints are passed back instead: one retry budget,
 * the SDK's (docs/adr/0023-one-retry-budget-for-sdk-callers.md).
 */
public record OpenAiRequest(String method, String path, String body, String operation, boolean retried) {

    public static OpenAiRequest post(String path, String body, String operation, boolean retried) {
        return new OpenAiRequest("POST", path, body, operation, retried);
    }

    public static OpenAiRequest get(String path, String operation, boolean retried) {
        return new OpenAiRequest("GET", path, null, operation, retried);
    }
}
