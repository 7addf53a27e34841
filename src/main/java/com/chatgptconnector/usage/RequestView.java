package com.chatgptconnector.usage;

import java.time.Instant;

/**
 * One request toward OpenAI as the request list shows it. {@code blockId} and {@code blockName}
 * are null for a call of the OpenAI-compatible endpoint; {@code endpoint} is the OpenAI endpoint
 * called ({@code chat/completions} for a block run), {@code requestId} the {@code x-request-id}
 * the caller was given; {@code callerType} is {@code user} or
 * {@code token}, {@code caller} the username or the token's name; {@code outcome} is {@code ok}
 * or an error code of the catalogue.
 */
public record RequestView(long id, Instant occurredAt, String endpoint, String blockId, String blockName, String model, String outcome,
                          long promptTokens, long completionTokens, long totalTokens, long latencyMs, String openaiRequestId,
                          String requestId, String callerType, String caller) {

    static final String TOKEN_ACTOR = "token:";

    static RequestView of(UsageRecord r, String blockName) {
        boolean token = r.actor().startsWith(TOKEN_ACTOR);
        return new RequestView(r.id(), r.occurredAt(), r.endpoint(), r.blockId(), blockName, r.model(), r.outcome(), r.promptTokens(),
                r.completionTokens(), r.promptTokens() + r.completionTokens(), r.latencyMillis(), r.openaiRequestId(),
                r.requestId(), token ? "token" : "user", token ? r.actor().substring(TOKEN_ACTOR.length()) : r.actor());
    }
}
