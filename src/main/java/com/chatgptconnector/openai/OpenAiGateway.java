package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.settings.StoredCredentials;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every call to OpenAI goes through here: the workspace's key, organization and project as
 * headers; retries with exponential backoff and jitter for 5xx, connection failures and rate
 * limits, honouring {@code retry-after-ms} / {@code retry-after} up to a cap; a circuit breaker
 * and a bulkhead per workspace; and exactly one classified {@link OpenAiException} for anything
 * that does not end in a 2xx. MicroProfile's {@code @Retry} cannot wait what OpenAI asks for,
 * and its breaker is shared by all workspaces, hence this small loop.
 *
 * <p>The transport is the JDK's {@link HttpClient}, not the MicroProfile REST Client: on Payara
 * the latter runs on {@code HttpURLConnection}, which silently repeats a request whose
 * connection was reset (a chat completion could be billed twice, and our retry count would be
 * wrong) and sends a null header as an empty one. Both showed up in the tests against the fake
 * OpenAI. The JDK client does neither, has real connect and response timeouts, and is
 * asynchronous: a call in flight holds no thread (see {@link OpenAiThreads}), which is what lets
 * thousands of slow OpenAI answers be waited for at once.
 */
@ApplicationScoped
public class OpenAiGateway {

    private static final Logger LOG = Logger.getLogger(OpenAiGateway.class.getName());

    @Inject
    @ConfigProperty(name = "connector.openai.base-url", defaultValue = "https://api.openai.com/v1")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "connector.openai.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "connector.openai.read-timeout", defaultValue = "PT120S")
    Duration readTimeout;

    @Inject
    @ConfigProperty(name = "connector.openai.retry.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "connector.openai.retry.initial-backoff", defaultValue = "PT0.5S")
    Duration initialBackoff;

    @Inject
    @ConfigProperty(name = "connector.openai.retry.max-backoff", defaultValue = "PT8S")
    Duration maxBackoff;

    @Inject
    @ConfigProperty(name = "connector.openai.retry.max-retry-after", defaultValue = "PT20S")
    Duration maxRetryAfter;

    @Inject
    @ConfigProperty(name = "connector.openai.bulkhead.per-workspace", defaultValue = "50")
    int perWorkspaceConcurrency;

    @Inject
    WorkspaceCircuitBreakers breakers;

    @Inject
    OpenAiMetrics metrics;

    @Inject
    OpenAiThreads threads;

    private final OpenAiErrorClassifier classifier = new OpenAiErrorClassifier();
    private final Map<String, Semaphore> bulkheads = new ConcurrentHashMap<>();
    private URI base;
    private HttpClient http;
    private Backoff backoff;

    @PostConstruct
    void init() {
        base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                // The client's own steps (sending, reading, parsing) wait only for the network, and
                // that through its selector thread, so they run on the thread that calls and on that
                // selector thread instead of being handed to a pool: each hand-over wakes a thread,
                // which cost more than the steps themselves (README, Benchmark). What follows an
                // answer still runs on the completion threads (below).
                .executor(Runnable::run)
                .build();
        backoff = new Backoff(initialBackoff, 2.0, maxBackoff, maxRetryAfter, RandomGenerator.getDefault());
        LOG.info(() -> "OpenAI API at " + base);
    }

    public OpenAiCall listModels(String workspaceId, StoredCredentials credentials) {
        return await(text(workspaceId, "models", request(credentials, "models").GET().build()));
    }

    public OpenAiCall chatCompletions(String workspaceId, StoredCredentials credentials, String body) {
        return await(chatCompletionsAsync(workspaceId, credentials, body));
    }

    /** A chat completion without holding the caller's thread while OpenAI thinks. */
    public CompletableFuture<OpenAiCall> chatCompletionsAsync(String workspaceId, StoredCredentials credentials, String body) {
        return text(workspaceId, "chat", chatRequest(credentials, body));
    }

    /**
     * A streamed chat completion: retried like any call until OpenAI starts answering with 2xx,
     * then handed over as the open stream of server-sent events, to be passed on as it arrives.
     */
    public OpenAiStream streamChatCompletions(String workspaceId, StoredCredentials credentials, String body) {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = await(execute(workspaceId, "chat-stream", chatRequest(credentials, body),
                HttpResponse.BodyHandlers.ofInputStream(), OpenAiGateway::drain));
        return new OpenAiStream(response.body(), response.headers().firstValue("x-request-id").orElse(null), started);
    }

    /**
     * The outcome of an asynchronous call for a caller that waits: the answer, or the classified
     * {@link OpenAiException} (or any other runtime failure) itself rather than a wrapper.
     */
    public static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private HttpRequest chatRequest(StoredCredentials credentials, String body) {
        return request(credentials, "chat/completions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private CompletableFuture<OpenAiCall> text(String workspaceId, String operation, HttpRequest request) {
        long started = System.nanoTime();
        return execute(workspaceId, operation, request, HttpResponse.BodyHandlers.ofString(), b -> b)
                .thenApply(response -> new OpenAiCall(response.statusCode(), response.body(),
                        response.headers().firstValue("x-request-id").orElse(null), Duration.ofNanos(System.nanoTime() - started)));
    }

    /** An error answer's body as text, for the classifier; at most 64 KiB of it. */
    private static String drain(InputStream body) {
        try (body) {
            return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The key as bearer token; organization and project only where the workspace has them. */
    private HttpRequest.Builder request(StoredCredentials credentials, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + credentials.apiKey())
                .header("Accept", "application/json");
        if (credentials.organizationId() != null) {
            request.header("OpenAI-Organization", credentials.organizationId());
        }
        if (credentials.projectId() != null) {
            request.header("OpenAI-Project", credentials.projectId());
        }
        return request;
    }

    private <T> CompletableFuture<HttpResponse<T>> execute(String workspaceId, String operation, HttpRequest request,
                                                           HttpResponse.BodyHandler<T> handler, Function<T, String> errorText) {
        Semaphore bulkhead = bulkheads.computeIfAbsent(workspaceId, id -> new Semaphore(perWorkspaceConcurrency));
        if (!bulkhead.tryAcquire()) {
            // this workspace already has as many calls in flight as it may: others keep their share
            return CompletableFuture.failedFuture(
                    fail(operation, new OpenAiFailure(ErrorCode.RATE_LIMITED, true, Duration.ofSeconds(1), null, 0, null, null, null), 0));
        }
        Exchange<T> exchange = new Exchange<>(breakers.of(workspaceId), operation, request, handler, errorText);
        exchange.result.whenComplete((response, error) -> bulkhead.release());
        exchange.attempt(1);
        return exchange.result;
    }

    /**
     * One call with its retries, as a chain of callbacks: each attempt is sent asynchronously,
     * its answer classified on a completion thread, and a retry scheduled on the timer, so a
     * call waiting for OpenAI or for its next attempt holds no thread.
     */
    private final class Exchange<T> {
        final CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        final CircuitBreaker breaker;
        final String operation;
        final HttpRequest request;
        final HttpResponse.BodyHandler<T> handler;
        final Function<T, String> errorText;
        final long started = System.nanoTime();

        Exchange(CircuitBreaker breaker, String operation, HttpRequest request, HttpResponse.BodyHandler<T> handler,
                 Function<T, String> errorText) {
            this.breaker = breaker;
            this.operation = operation;
            this.request = request;
            this.handler = handler;
            this.errorText = errorText;
        }

        void attempt(int attempt) {
            try {
                Duration open = breaker.acquire();
                if (open != null) {
                    result.completeExceptionally(fail(operation,
                            new OpenAiFailure(ErrorCode.OPENAI_UNAVAILABLE, true, open, null, 0, null, null, null), started));
                    return;
                }
                CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, handler);
                AtomicBoolean timedOut = new AtomicBoolean();
                // the JDK's own request timeout covers only the headers; this one the whole answer
                ScheduledFuture<?> timeout = threads.timers().schedule(() -> {
                    timedOut.set(true);
                    answer.cancel(true);
                }, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
                // The JDK client completes sendAsync's future on the common fork-join pool (see
                // OpenAiThreads); the answer is handled on the completion threads instead, where a
                // workspace with a token limit may touch the database.
                answer.whenCompleteAsync((response, error) -> {
                    timeout.cancel(false);
                    onAnswer(attempt, response, timedOut.get() ? new TimeoutException("no answer within " + readTimeout) : error);
                }, threads.completions());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }

        private void onAnswer(int attempt, HttpResponse<T> response, Throwable error) {
            try {
                OpenAiFailure failure;
                if (error == null && response.statusCode() / 100 == 2) {
                    breaker.onSuccess();
                    metrics.success(operation, Duration.ofNanos(System.nanoTime() - started));
                    result.complete(response);
                    return;
                } else if (error == null) {
                    failure = classifier.classify(response.statusCode(), name -> response.headers().firstValue(name).orElse(null),
                            errorText.apply(response.body()));
                } else {
                    failure = classifier.classifyTransport(error instanceof CompletionException ? error.getCause() : error);
                }
                if (failure.code() == ErrorCode.OPENAI_UNAVAILABLE || failure.code() == ErrorCode.OPENAI_TIMEOUT) {
                    breaker.onFailure();
                } else {
                    breaker.onNeutral();
                }
                Duration wait = failure.retryable() && attempt < maxAttempts ? backoff.delayBeforeRetry(attempt, failure.retryAfter()) : null;
                if (wait == null || (failure.retryAfter() != null && failure.retryAfter().compareTo(maxRetryAfter) > 0)) {
                    result.completeExceptionally(fail(operation, failure, started));
                    return;
                }
                metrics.retry(operation, failure.code());
                threads.timers().schedule(() -> threads.completions().execute(() -> attempt(attempt + 1)),
                        wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    private OpenAiException fail(String operation, OpenAiFailure failure, long started) {
        metrics.failure(operation, failure.code(), started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started));
        return new OpenAiException(failure);
    }
}
