package com.chatgptconnector.settings;

import com.chatgptconnector.openai.OpenAiCredentials;
import java.util.List;

/**
 * An active workspace's key and policy for requests toward OpenAI, as of one version of its
 * settings row ({@link ActiveSettingsCache} reuses it only while that version is current).
 */
public record ActiveSettings(OpenAiCredentials credentials, Long tokenLimit, List<String> allowedModels, long version) {

    /** True if the workspace allows every model, or this one. */
    public boolean allows(String model) {
        return allowedModels.isEmpty() || allowedModels.contains(model);
    }
}
