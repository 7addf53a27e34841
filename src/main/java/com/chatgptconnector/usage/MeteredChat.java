package com.chatgptconnector.usage;

import com.chatgptconnector.openai.ChatCompletionSummary;
import com.chatgptconnector.openai.OpenAiCall;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.openai.OpenAiGateway;
import com.chatgptconnector.settings.ActiveSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
        return OpenAiGateway.await(completeAsync(workspaceId, blockId, actor, model, active, body, maxOutputTokens));
    }

    /**
     * The same, without waiting: the reservation (or the refusal) happens now, on the caller's
     * thread; settling and recording happen when OpenAI has answered. Fails with the classified
     * {@link OpenAiException} as its cause.
     */
    public CompletableFuture<Completed> completeAsync(String workspaceId, String blockId, String actor, String model,
                                                      ActiveSettings active, String body, long maxOutputTokens) {
        TokenBudget.Reservation reservation = budget.reserve(workspaceId, active.tokenLimit(), TokenEstimate.of(body, maxOutputTokens));
        long started = System.nanoTime();
        CompletableFuture<OpenAiCall> call;
        try {
            call = gateway.chatCompletionsAsync(workspaceId, active.credentials(), body);
        } catch (RuntimeException e) {
            budget.release(reservation);
            throw e;
        }
        // runs on a completion thread (OpenAiThreads): a managed thread, so settling a limited
        // workspace's budget can open its JTA transaction there
        return call.handle((answer, error) -> {
            if (error == null) {
                try {
                    ChatCompletionSummary summary = ChatCompletionSummary.parse(answer.body(), answer.openaiRequestId());
                    budget.settle(reservation, summary.totalTokens());
                    usage.record(new UsageEntry(workspaceId, blockId, actor, summary.model(), summary.promptTokens(),
                            summary.completionTokens(), "ok", answer.latency().toMillis(), answer.openaiRequestId()));
                    return new Completed(answer, summary);
                } catch (RuntimeException e) {
                    // an answer we cannot read: nothing is counted, the reservation must not linger
                    budget.release(reservation);
                    throw e;
                }
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            budget.release(reservation);
            if (cause instanceof OpenAiException e) {
                usage.record(new UsageEntry(workspaceId, blockId, actor, model, 0, 0, e.code().code(),
                        (System.nanoTime() - started) / 1_000_000, e.failure().openaiRequestId()));
            }
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        });
    }
}
