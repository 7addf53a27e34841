package com.chatgptconnector.openai;

/**
 * What OpenAI is called with: the decrypted key, and the organization and project the requests
 * are billed to ({@code null} where the workspace has none). {@code toString} hides the key.
 */
public record OpenAiCredentials(String apiKey, String organizationId, String projectId) {

    @Override
    public String toString() {
        return "OpenAiCredentials[apiKey=***, organizationId=" + organizationId + ", projectId=" + projectId + "]";
    }
}
