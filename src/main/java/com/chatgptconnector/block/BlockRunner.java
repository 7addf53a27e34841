package com.chatgptconnector.block;

import static com.chatgptconnector.json.JsonFactory.JSON;

import com.chatgptconnector.json.JsonFactory;
import com.chatgptconnector.openai.ChatCompletionSummary;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.settings.ActiveSettings;
import com.chatgptconnector.settings.ActiveSettingsCache;
import com.chatgptconnector.openai.OpenAiCall;
import com.chatgptconnector.openai.OpenAiRequest;
import com.chatgptconnector.usage.Endpoint;
import com.chatgptconnector.usage.MeteredCall;
import com.chatgptconnector.usage.TokenEstimate;
import com.chatgptconnector.usage.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a block: fills the template, checks the workspace's policy (active, model allowed, token
 * limit), calls OpenAI with the workspace's key and records the usage, whatever the outcome.
 */
@ApplicationScoped
public class BlockRunner {

    /** The answer of a run; {@code output} is text, or the parsed JSON object of a JSON block. */
    public record RunResult(Object output, String model, String finishReason, Usage usage) {
    }

    public record Usage(long promptTokens, long completionTokens, long totalTokens) {
    }

    @Inject
    BlockService blocks;

    @Inject
    ActiveSettingsCache settings;

    @Inject
    MeteredCall metered;

    /** A block's answer is read whole: its content is the run's output. */
    private static final MeteredCall.Reader<ChatCompletionSummary> SUMMARY = new MeteredCall.Reader<>() {
        @Override
        public ChatCompletionSummary read(OpenAiCall call) {
            return ChatCompletionSummary.parse(call.body(), call.openaiRequestId());
        }

        @Override
        public TokenUsage usage(ChatCompletionSummary summary) {
            return new TokenUsage(summary.model(), summary.promptTokens(), summary.completionTokens());
        }
    };

    @Inject
    @ConfigProperty(name = "connector.usage.default-max-output-tokens", defaultValue = "1024")
    int defaultMaxOutputTokens;

    /**
     * Refuses at once what can be refused without OpenAI (inactive workspace, unknown block, model
     * not allowed, missing variable, token limit); the rest completes when OpenAI has answered.
     */
    public CompletableFuture<RunResult> run(String workspaceId, String blockId, Map<String, String> variables, String actor) {
        ActiveSettings active = settings.forUse(workspaceId);
        BlockDefinition block = blocks.definition(workspaceId, blockId);
        if (!active.allows(block.model())) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, Map.of("reason", "model_not_allowed", "model", block.model()));
        }
        String prompt;
        try {
            prompt = PromptTemplate.parse(block.userPrompt()).render(variables);
        } catch (com.chatgptconnector.problem.ValidationException e) {
            throw e.as(ErrorCode.INVALID_REQUEST);
        }
        int maxOutput = block.maxOutputTokens() == null ? defaultMaxOutputTokens : block.maxOutputTokens();
        String request = chatRequest(block, prompt, maxOutput);
        ResponseFormat format = block.responseFormat();
        MeteredCall.Meter meter = new MeteredCall.Meter(workspaceId, blockId, actor, Endpoint.CHAT_COMPLETIONS, block.model(), null);
        // block runs keep the gateway's own retries: no SDK retries behind them
        return metered.call(meter, active, OpenAiRequest.post("chat/completions", request, "chat", true),
                        TokenEstimate.of(request, maxOutput), SUMMARY)
                .thenApply(answered -> result(answered.read(), format));
    }

    private static RunResult result(ChatCompletionSummary answer, ResponseFormat format) {
        Object output = answer.content();
        if (format == ResponseFormat.JSON) {
            output = parseJson(answer.content());
        }
        if (output == null) {
            // the tokens were spent and are counted; the answer is unusable for a JSON block
            throw new ProblemException(ErrorCode.INVALID_REQUEST, Map.of("reason", "output_not_json"));
        }
        return new RunResult(output, answer.model(), answer.finishReason(),
                new Usage(answer.promptTokens(), answer.completionTokens(), answer.totalTokens()));
    }

    private static JsonValue parseJson(String content) {
        try {
            return JsonFactory.readValue(content);
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    private static String chatRequest(BlockDefinition block, String prompt, int maxOutput) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        if (block.systemPrompt() != null) {
            messages.add(JSON.createObjectBuilder().add("role", "system").add("content", block.systemPrompt()));
        }
        messages.add(JSON.createObjectBuilder().add("role", "user").add("content", prompt));
        JsonObjectBuilder request = JSON.createObjectBuilder()
                .add("model", block.model())
                .add("messages", messages)
                .add("max_completion_tokens", maxOutput);
        if (block.temperature() != null) {
            request.add("temperature", block.temperature());
        }
        if (block.responseFormat() == ResponseFormat.JSON) {
            request.add("response_format", JSON.createObjectBuilder().add("type", "json_object"));
        }
        return request.build().toString();
    }
}
