package com.chatgptconnector.usage;

import com.chatgptconnector.openai.ChatCompletionSummary;
import com.chatgptconnector.openai.OpenAiCall;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.openai.OpenAiGateway;
import com.chatgptconnector.settings.ActiveSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A chat completion that counts: reserves its estimate against the workspace's monthly limit
 * (or refuses with {@code token_limit_reached} before OpenAI is called), calls OpenAI, settles
 * the reservation with the real usage or releases it on failure, and records the request either
 * way. Block runs and the OpenAI-compatible endpoint both go through here.
 */
@ApplicationScoped
public class MeteredChat {

    /** The answer as OpenAI sent it, and what the connector read from it. */
    public record Completed(OpenAiCall call, ChatCompletionSummary summary) {
    }

    @Inject
    OpenAiGateway gateway;

    @Inject
    TokenBudget budget;

    @Inject
    UsageService usage;

    public Completed complete(String workspaceId, String blockId, String actor, String model, ActiveSettings active,
                              String body, long maxOutputTokens) {
        TokenBudget.Reservation reservation = budget.reserve(workspaceId, active.tokenLimit(), TokenEstimate.of(body, maxOutputTokens));
        long started = System.nanoTime();
        try {
            OpenAiCall call = gateway.chatCompletions(workspaceId, active.credentials(), body);
            ChatCompletionSummary summary = ChatCompletionSummary.parse(call.body(), call.openaiRequestId());
            budget.settle(reservation, summary.totalTokens());
            usage.record(new UsageEntry(workspaceId, blockId, actor, summary.model(), summary.promptTokens(),
                    summary.completionTokens(), "ok", call.latency().toMillis(), call.openaiRequestId()));
            return new Completed(call, summary);
        } catch (OpenAiException e) {
            budget.release(reservation);
            usage.record(new UsageEntry(workspaceId, blockId, actor, model, 0, 0, e.code().code(),
                    (System.nanoTime() - started) / 1_000_000, e.failure().openaiRequestId()));
            throw e;
        }
    }
}
