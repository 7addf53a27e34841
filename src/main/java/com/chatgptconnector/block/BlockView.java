package com.chatgptconnector.block;

import java.time.Instant;
import java.util.List;

/** A block as clients see it, with the variables its user prompt asks for. */
public record BlockView(String id, String name, String model, String systemPrompt, String userPrompt, List<String> variables,
                        Double temperature, Integer maxOutputTokens, String responseFormat, Instant createdAt, Instant updatedAt,
                        long version) {

    public static BlockView of(BuildingBlock b) {
        return new BlockView(b.id(), b.name(), b.model(), b.systemPrompt(), b.userPrompt(),
                List.copyOf(PromptTemplate.parse(b.userPrompt()).variables()), b.temperature(), b.maxOutputTokens(),
                b.responseFormat().name().toLowerCase(java.util.Locale.ROOT), b.createdAt(), b.updatedAt(), b.version());
    }
}
