package com.chatgptconnector.settings;

/** A decrypted key on its way to OpenAI. Lives for one request; {@code toString} hides the key. */
public record StoredCredentials(String apiKey, String organizationId, String projectId, KeySource source) {

    @Override
    public String toString() {
        return "StoredCredentials[apiKey=***, organizationId=" + organizationId + ", projectId=" + projectId + ", source=" + source + "]";
    }
}
