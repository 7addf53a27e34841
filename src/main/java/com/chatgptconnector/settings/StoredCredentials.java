package com.chatgptconnector.settings;

/**
 * A decrypted key on its way to OpenAI; {@code toString} hides the key. Kept in memory only while
 * the workspace is active and its settings unchanged (see {@link ActiveSettingsCache}).
 */
public record StoredCredentials(String apiKey, String organizationId, String projectId, KeySource source) {

    @Override
    public String toString() {
        return "StoredCredentials[apiKey=***, organizationId=" + organizationId + ", projectId=" + projectId + ", source=" + source + "]";
    }
}
