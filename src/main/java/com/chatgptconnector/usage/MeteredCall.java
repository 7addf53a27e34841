package com.chatgptconnector.usage;

import com.chatgptconnector.openai.OpenAiCall;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.openai.OpenAiGateway;
import com.chatgptconnector.openai.OpenAiRequest;
import com.chatgptconnector.openai.OpenAiStream;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.settings.ActiveSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every call to OpenAI that a workspace makes goes through here, plain or streamed, whichever
 * endpoint: it reserves the call's estimate against the workspace's monthly limit (or refuses with
 * {@code token_limit_reached} before OpenAI is called), calls OpenAI with the workspace's key,
 * settles the reservation with the real usage (or releases it when nothing was used), and writes
 * exactly one usage record whatever the outcome: ok, a classified failure, a stream cut part-way,
 * a client that went away. Block runs and the OpenAI-compatible endpoint both use it; the
 * boundary only adapts HTTP.
 *
 * <p>{@link #end} is the one place where a call's usage is recorded and its outcome handed back:
 * what the caller gets (the answer, the failure, a stream's last event) follows the stage it
 * returns, so a recording that completes later (once durable) delays the answer, never loses it.
 */
@ApplicationScoped
public class MeteredCall {

    private static final Logger LOG = Logger.getLogger(MeteredCall.class.getName());
    private static final CompletableFuture<Void> RECORDED = CompletableFuture.completedFuture(null);

    /**
     * Who calls which endpoint for what: {@code blockId} is {@code null} outside block runs,
     * {@code model} the model asked for (the answer's replaces it where it names one), and
     * {@code requestId} the service's own request id, used where OpenAI sends none.
     */
    public record Meter(String workspaceId, String blockId, String actor, Endpoint endpoint, String model, String requestId) {
    }

    /** A plain answer: OpenAI's as sent, and what the reader made of it. */
    public record Answered<T>(OpenAiCall call, T read) {
    }

    /** Reads a 2xx answer (failing with a {@link ProblemException} for one it cannot use) and says what it used. */
    public interface Reader<T> {
        T read(OpenAiCall call);

        TokenUsage usage(T read);
    }

    /** The reader of the compatible endpoint: the tokens alone, the body goes out as OpenAI sent it. */
    public static Reader<TokenUsage> tokensOf(Meter meter) {
        return new Reader<>() {
            @Override
            public TokenUsage read(OpenAiCall call) {
                return TokenUsage.of(meter.endpoint(), call.body(), meter.model());
            }

            @Override
            public TokenUsage usage(TokenUsage read) {
                return read;
            }
        };
    }

    @Inject
    OpenAiGateway gateway;

    @Inject
    TokenBudget budget;

    @Inject
    UsageService usage;

    /**
     * A call whose answer is read whole, without waiting: the reservation (or the refusal) happens
     * now, on the caller's thread; settling and recording when OpenAI has answered. Fails with the
     * classified {@link OpenAiException} (or the reader's {@link ProblemException}) as its cause.
     */
    public <T> CompletableFuture<Answered<T>> call(Meter meter, ActiveSettings active, OpenAiRequest request, long estimate,
                                                   Reader<T> reader) {
        TokenBudget.Reservation reservation = reserve(meter, active, estimate);
        long started = System.nanoTime();
        CompletableFuture<OpenAiCall> call;
        try {
            call = gateway.send(meter.workspaceId(), active.credentials(), request);
        } catch (RuntimeException e) {
            awaitRecord(end(meter, reservation, meter.model(), 0, 0, outcomeOf(e), started, null));
            throw e;
        }
        // runs on a completion thread (OpenAiThreads): a managed thread, so settling a limited
        // workspace's budget can open its JTA transaction there
        return call.handle((answer, error) -> {
            if (error == null) {
                T read;
                TokenUsage used;
                try {
                    read = reader.read(answer);
                    used = reader.usage(read);
                } catch (RuntimeException unreadable) {
                    // an answer we cannot use: nothing is counted, the reservation must not linger
                    return end(meter, reservation, meter.model(), 0, 0, outcomeOf(unreadable), started, answer.openaiRequestId())
                            .<Answered<T>>thenApply(recorded -> {
                                throw unreadable;
                            });
                }
                return end(meter, reservation, used.model(), used.promptTokens(), used.completionTokens(), "ok", started,
                        answer.openaiRequestId()).thenApply(recorded -> new Answered<>(answer, read));
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            String openaiRequestId = cause instanceof OpenAiException e ? e.failure().openaiRequestId() : null;
            return end(meter, reservation, meter.model(), 0, 0, outcomeOf(cause), started, openaiRequestId)
                    .<Answered<T>>thenApply(recorded -> {
                        throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                    });
        }).thenCompose(Function.identity());
    }

    /**
     * A streamed call: reserves, then waits for OpenAI's head (retried where the request is);
     * a failure before it is recorded and thrown as the classified {@link OpenAiException}. The
     * returned stream records the call when it is relayed to its end, or broken off.
     */
    public MeteredStream stream(Meter meter, ActiveSettings active, OpenAiRequest request, long estimate, boolean clientWantsUsage) {
        TokenBudget.Reservation reservation = reserve(meter, active, estimate);
        long started = System.nanoTime();
        OpenAiStream upstream;
        try {
            upstream = gateway.stream(meter.workspaceId(), active.credentials(), request);
        } catch (RuntimeException e) {
            String openaiRequestId = e instanceof OpenAiException o ? o.failure().openaiRequestId() : null;
            // a stream that fails before its first event: its failure goes out once recorded
            awaitRecord(end(meter, reservation, meter.model(), 0, 0, outcomeOf(e), started, openaiRequestId));
            throw e;
        }
        return new MeteredStream(this, meter, reservation, upstream, clientWantsUsage);
    }

    /** A refusal for the limit is recorded too: the usage page shows what was refused. */
    private TokenBudget.Reservation reserve(Meter meter, ActiveSettings active, long estimate) {
        if (!meter.endpoint().reservesTokens()) {
            return TokenBudget.Reservation.none(meter.workspaceId());
        }
        try {
            return budget.reserve(meter.workspaceId(), active.tokenLimit(), estimate);
        } catch (ProblemException refused) {
            // the refusal goes out once recorded, like every other answer
            awaitRecord(record(meter, meter.model(), 0, 0, refused.code().code(), 0, null, null));
            throw refused;
        }
    }

    /**
     * The one place a metered call ends: the reservation settled with what was used (released
     * where nothing was), and the call's one usage record written. The caller's answer follows the
     * returned stage (with commit before the answer, once the record and the settlement are committed:
     * docs/adr/0027-durable-usage.md).
     */
    CompletionStage<Void> end(Meter meter, TokenBudget.Reservation reservation, String model, long prompt, long completion,
                              String outcome, long startedNanos, String openaiRequestId) {
        long latency = (System.nanoTime() - startedNanos) / 1_000_000;
        if (usage.commitsBeforeAnswer()) {
            // the settlement commits with the record (docs/adr/0027-durable-usage.md)
            return record(meter, model, prompt, completion, outcome, latency, openaiRequestId,
                    Settlement.of(reservation, prompt + completion));
        }
        try {
            budget.settle(reservation, prompt + completion);
        } finally {
            record(meter, model, prompt, completion, outcome, latency, openaiRequestId, null);
        }
        return RECORDED;
    }

    /**
     * For the answers given on the caller's thread (a refusal, a failure before the call): waits
     * for the record; if it cannot be written, the caller gets {@code database_unavailable} instead.
     */
    private static void awaitRecord(CompletionStage<Void> recorded) {
        try {
            recorded.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CompletableFuture<Void> record(Meter meter, String model, long prompt, long completion, String outcome,
                                           long latencyMillis, String openaiRequestId, Settlement settlement) {
        String requestId = openaiRequestId != null ? openaiRequestId : meter.requestId();
        CompletableFuture<Void> recorded = usage.record(new UsageEntry(meter.workspaceId(), meter.blockId(), meter.actor(), model,
                prompt, completion, outcome, latencyMillis, openaiRequestId, meter.endpoint().label(), requestId), settlement);
        if (!"ok".equals(outcome)) {
            LOG.log(Level.INFO, "OpenAI call of workspace {0} to {1} ended {2}, request id {3}",
                    new Object[]{meter.workspaceId(), meter.endpoint().label(), outcome, requestId});
        }
        return recorded;
    }

    static String outcomeOf(Throwable failure) {
        return failure instanceof ProblemException p ? p.code().code() : ErrorCode.INTERNAL_ERROR.code();
    }
}
