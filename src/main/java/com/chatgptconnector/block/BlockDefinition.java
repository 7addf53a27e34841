package com.chatgptconnector.block;

/** The editable part of a block, validated and normalised. */
public record BlockDefinition(String name, String model, String systemPrompt, String userPrompt, Double temperature,
                              Integer maxOutputTokens, ResponseFormat responseFormat) {
}
