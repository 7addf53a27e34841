package com.chatgptconnector.settings;

import java.util.List;

/** An active workspace's key and policy, for one request toward OpenAI. */
public record ActiveSettings(StoredCredentials credentials, Long tokenLimit, List<String> allowedModels) {

    /** True if the workspace allows every model, or this one. */
    public boolean allows(String model) {
        return allowedModels.isEmpty() || allowedModels.contains(model);
    }
}
