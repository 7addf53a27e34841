package com.chatgptconnector.usage;

/**
 * The OpenAI endpoints the service calls, as its usage records name them ({@code label}, also the
 * usage report's per-endpoint grouping), with the operation their calls count under in the
 * metrics and whether a call reserves tokens against the monthly limit first (only those that
 * OpenAI bills by the token: listing, retrieving or deleting costs none, nor does moderation).
 */
public enum Endpoint {
    CHAT_COMPLETIONS("chat/completions", "chat", true),
    RESPONSES("responses", "responses", true),
    RESPONSES_RETRIEVE("responses.retrieve", "responses-retrieve", false),
    RESPONSES_DELETE("responses.delete", "responses-delete", false),
    RESPONSES_CANCEL("responses.cancel", "responses-cancel", false),
    EMBEDDINGS("embeddings", "embeddings", true),
    MODERATIONS("moderations", "moderations", false),
    MODELS("models", "models", false),
    MODELS_RETRIEVE("models.retrieve", "models-retrieve", false);

    private final String label;
    private final String operation;
    private final boolean metered;

    Endpoint(String label, String operation, boolean metered) {
        this.label = label;
        this.operation = operation;
        this.metered = metered;
    }

    /** As usage records and the usage report name it, e.g. {@code chat/completions}. */
    public String label() {
        return label;
    }

    /** The operation tag of its calls in {@code openai_calls_total}. */
    public String operation() {
        return operation;
    }

    /** Whether a call reserves its estimate against the workspace's token limit. */
    public boolean reservesTokens() {
        return metered;
    }
}
