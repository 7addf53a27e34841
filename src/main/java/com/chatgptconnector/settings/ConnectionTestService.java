package com.chatgptconnector.settings;

import static com.chatgptconnector.json.JsonFactory.JSON;

import com.chatgptconnector.openai.OpenAiCall;
import com.chatgptconnector.openai.OpenAiCredentials;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.openai.OpenAiGateway;
import com.chatgptconnector.problem.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells whether a key works: lists the models, the cheapest call there is. A restricted key that
 * may chat but not list models answers that with 401 and a missing scope; that key is not
 * invalid, so the test falls back to a one-token chat completion before it decides.
 */
@ApplicationScoped
public class ConnectionTestService {

    @Inject
    OpenAiGateway gateway;

    @Inject
    @ConfigProperty(name = "connector.openai.test-model", defaultValue = "gpt-4o-mini")
    String testModel;

    /** Succeeds with the result, or throws the classified {@link OpenAiException}. */
    public ConnectionTestResult test(String workspaceId, OpenAiCredentials credentials, Locale locale) {
        try {
            OpenAiCall call = gateway.listModels(workspaceId, credentials);
            return new ConnectionTestResult(true, null, "models", null, call.openaiRequestId(), Messages.text(locale, "connection.ok"));
        } catch (OpenAiException e) {
            String missing = e.failure().missingPermission();
            if (missing == null) {
                throw e;
            }
            OpenAiCall chat = gateway.chatCompletions(workspaceId, credentials, minimalChat());
            return new ConnectionTestResult(true, null, "chat", missing, chat.openaiRequestId(),
                    Messages.text(locale, "connection.ok.restricted", missing));
        }
    }

    private String minimalChat() {
        return JSON.createObjectBuilder()
                .add("model", testModel)
                .add("messages", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("role", "user").add("content", "ping")))
                .add("max_completion_tokens", 1)
                .build()
                .toString();
    }
}
