package com.chatgptconnector.boundary.block;

import com.chatgptconnector.block.BlockDefinition;
import com.chatgptconnector.block.ResponseFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A block as the editor sends it. A class, not a record: Payara 6.2025's OpenAPI generator fails
 * on constraints that a record also puts on its constructor parameters (payara/Payara#7649).
 */
public class BlockRequest {

    @NotBlank
    @Size(max = 200)
    public String name;

    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}")
    public String model;

    @Size(max = 100_000)
    public String systemPrompt;

    @NotBlank
    @Size(max = 100_000)
    public String userPrompt;

    @DecimalMin("0")
    @DecimalMax("2")
    public Double temperature;

    @Min(1)
    @Max(128_000)
    public Integer maxOutputTokens;

    /** {@code text} (default) or {@code json}. */
    @Pattern(regexp = "text|json")
    public String responseFormat;

    BlockDefinition toDefinition() {
        return new BlockDefinition(name.strip(), model.strip(), systemPrompt == null || systemPrompt.isBlank() ? null : systemPrompt,
                userPrompt, temperature, maxOutputTokens, "json".equals(responseFormat) ? ResponseFormat.JSON : ResponseFormat.TEXT);
    }
}
