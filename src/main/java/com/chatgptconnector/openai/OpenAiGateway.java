package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every call to OpenAI goes through here: the workspace's key, organization and project as
 * headers; retries with exponential backoff and jitter for 5xx, connection failures and rate
 * limits, honouring {@code retry-after-ms} / {@code retry-after} up to a cap; a circuit breaker
 * and a bulkhead per workspace; and exactly one classified {@link OpenAiException} for anything
 * that does not end in a 2xx. The retry, breaker and bulkhead are Resilience4j's, asynchronous,
 * with an interval that follows OpenAI's hint; MicroProfile's {@code @Retry} cannot wait what
 * OpenAI asks for, and its breaker is shared by all workspaces
 * (docs/adr/0002-own-retry-breaker-bulkhead.md).
 *
 * <p>The transport is Apache HttpClient 5's asynchronous client, not the MicroProfile REST
 * Client: on Payara the latter runs on {@code HttpURLConnection}, which silently repeats a
 * request whose connection was reset (a chat completion could be billed twice, and our retry
 * count would be wrong) and sends a null header as an empty one. Both showed up in the tests
 * against the fake OpenAI; here automatic retries are off. A call in flight holds no thread (see
 * {@link OpenAiThreads}), which is what lets thousands of slow OpenAI answers be waited for at
 * once. Not the JDK's own client either: its pool hands out the connection that has been idle
 * longest, so after a burst every call cycles through all the burst's connections and keeps their
 * bookkeeping alive, and it can be bounded only by closing connections it will need again a moment
 * later (docs/adr/0001-httpclient5-instead-of-mp-rest-client.md,
 * docs/adr/0011-openai-pool-newest-first-4-kib-buffers.md). This pool hands out the most recently used connection first and closes those
 * left idle for {@link #IDLE_TIMEOUT}.
 */
@ApplicationScoped
public class OpenAiGateway {

    private static final Logger LOG = Logger.getLogger(OpenAiGateway.class.getName());
    /** How long a connection to OpenAI is kept for reuse once no call needs it. */
    static final Timeout IDLE_TIMEOUT = Timeout.ofSeconds(60);
    /** No call should wait for a connection: the bulkheads bound what is in flight. */
    private static final int MAX_CONNECTIONS = 100_000;
    private static final int BUFFER_SIZE = 4096;
    private static final ContentType JSON = ContentType.create("application/json");

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
    WorkspaceResilience resilience;

    @Inject
    OpenAiMetrics metrics;

    @Inject
    OpenAiThreads threads;

    private final OpenAiErrorClassifier classifier = new OpenAiErrorClassifier();
    private URI base;
    private CloseableHttpAsyncClient http;
    private Backoff backoff;
    private RetryRegistry retries;

    @PostConstruct
    void init() {
        base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        // The client's own steps (sending, reading, parsing) run on its I/O threads, which wait
        // only for the network; what follows an answer runs on the completion threads (below).
        http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setConnPoolPolicy(PoolReusePolicy.LIFO)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                // a stream that stalls this long is given up
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .setIdleTimeout(IDLE_TIMEOUT)
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                // each connection keeps three buffers of this size for its life, 32 KiB by default:
                // 190 MB of live heap with 2,000 connections pooled after a burst
                .setHttp1Config(Http1Config.custom().setBufferSize(BUFFER_SIZE).build())
                .evictIdleConnections(IDLE_TIMEOUT)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableContentCompression()
                .build();
        http.start();
        backoff = new Backoff(initialBackoff, 2.0, maxBackoff, maxRetryAfter, RandomGenerator.getDefault());
        // one Retry per operation (the metrics' label); its state is per call, so workspaces share it
        retries = RetryRegistry.of(retryConfig(maxAttempts, backoff, maxRetryAfter));
        retries.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher().onRetry(event ->
                metrics.retry(event.getName(), ((OpenAiException) event.getLastThrowable()).failure().code())));
        LOG.info(() -> "OpenAI API at " + base);
    }

    @PreDestroy
    void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    public OpenAiCall listModels(String workspaceId, OpenAiCredentials credentials) {
        return await(send(workspaceId, credentials, OpenAiRequest.get("models", "models", true)));
    }

    public OpenAiCall chatCompletions(String workspaceId, OpenAiCredentials credentials, String body) {
        return await(send(workspaceId, credentials, OpenAiRequest.post("chat/completions", body, "chat", true)));
    }

    /** Any call whose answer is read whole, without holding the caller's thread while OpenAI thinks. */
    public CompletableFuture<OpenAiCall> send(String workspaceId, OpenAiCredentials credentials, OpenAiRequest request) {
        long started = System.nanoTime();
        return this.<SimpleHttpResponse>execute(workspaceId, request,
                callback -> http.execute(SimpleRequestProducer.create(httpRequest(credentials, request)), SimpleResponseConsumer.create(), callback),
                response -> response, OpenAiGateway::bodyText)
                .thenApply(response -> new OpenAiCall(response.getCode(), bodyText(response),
                        header(response, "x-request-id"), Duration.ofNanos(System.nanoTime() - started), OpenAiHeaders.of(response)));
    }

    /**
     * A streamed answer (chat completions or the Responses API with {@code stream: true}): retried
     * like any call, where the request is, until OpenAI starts answering with 2xx, then handed over
     * as the open stream of server-sent events, to be passed on as it arrives.
     */
    public OpenAiStream stream(String workspaceId, OpenAiCredentials credentials, OpenAiRequest request) {
        long started = System.nanoTime();
        StreamingResponseConsumer.Streamed response = await(this.<StreamingResponseConsumer.Streamed>execute(workspaceId, request,
                atHead -> StreamingResponseConsumer.send(http, SimpleRequestProducer.create(httpRequest(credentials, request)), atHead),
                StreamingResponseConsumer.Streamed::head, streamed -> drain(streamed.body())));
        return new OpenAiStream(response.body(), header(response.head(), "x-request-id"), started, OpenAiHeaders.of(response.head()));
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

    private SimpleHttpRequest httpRequest(OpenAiCredentials credentials, OpenAiRequest request) {
        SimpleRequestBuilder builder = request(credentials, SimpleRequestBuilder.create(request.method()), request.path());
        if (request.body() != null) {
            builder.setBody(request.body().getBytes(StandardCharsets.UTF_8), JSON);
        }
        return builder.build();
    }

    /** OpenAI answers in UTF-8 whatever the content type says. */
    private static String bodyText(SimpleHttpResponse response) {
        byte[] body = response.getBodyBytes();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
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
    private SimpleRequestBuilder request(OpenAiCredentials credentials, SimpleRequestBuilder request, String path) {
        request.setUri(base.resolve(path))
                .addHeader("Authorization", "Bearer " + credentials.apiKey())
                .addHeader("Accept", "application/json");
        if (credentials.organizationId() != null) {
            request.addHeader("OpenAI-Organization", credentials.organizationId());
        }
        if (credentials.projectId() != null) {
            request.addHeader("OpenAI-Project", credentials.projectId());
        }
        return request;
    }

    /** Starts one attempt of a call; the callback hears of its answer (or failure), the future cancels it. */
    @FunctionalInterface
    private interface Attempt<T> {
        Future<?> send(FutureCallback<T> callback);
    }

    /**
     * One call: past the workspace's bulkhead, each attempt past its circuit breaker, and for a
     * request marked {@code retried} Resilience4j's asynchronous retry, which schedules the next
     * attempt on the timer; a call waiting for OpenAI or for its next attempt holds no thread.
     */
    private <T> CompletableFuture<T> execute(String workspaceId, OpenAiRequest request, Attempt<T> send,
                                             Function<T, HttpResponse> head, Function<T, String> errorText) {
        String operation = request.operation();
        Bulkhead bulkhead = resilience.bulkhead(workspaceId);
        if (!bulkhead.tryAcquirePermission()) {
            // this workspace already has as many calls in flight as it may: others keep their share
            return CompletableFuture.failedFuture(
                    fail(operation, new OpenAiFailure(ErrorCode.RATE_LIMITED, true, Duration.ofSeconds(1), null, 0, null, null, null), 0));
        }
        long started = System.nanoTime();
        CircuitBreaker breaker = resilience.breaker(workspaceId);
        Supplier<CompletionStage<T>> once = () -> attempt(breaker, send, head, errorText);
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            CompletionStage<T> call = request.retried() && maxAttempts > 1
                    ? Retry.decorateCompletionStage(retries.retry(operation), threads.timers(), once).get() : once.get();
            call.whenComplete((response, error) -> {
                bulkhead.onComplete();
                if (error == null) {
                    metrics.success(operation, Duration.ofNanos(System.nanoTime() - started));
                    result.complete(response);
                } else {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof OpenAiException failed) {
                        fail(operation, failed.failure(), started);
                    }
                    result.completeExceptionally(cause);
                }
            });
        } catch (RuntimeException | Error e) {
            bulkhead.onComplete();
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * One attempt, as a chain of callbacks: sent asynchronously, its answer heard on the client's
     * I/O thread and classified on the completion threads (where a workspace with a token limit
     * may touch the database); a 2xx completes it, anything else fails it with the classified
     * {@link OpenAiException}.
     */
    private <T> CompletableFuture<T> attempt(CircuitBreaker breaker, Attempt<T> send, Function<T, HttpResponse> head,
                                             Function<T, String> errorText) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Duration open = resilience.acquire(breaker);
        if (open != null) {
            outcome.completeExceptionally(new OpenAiException(OpenAiFailure.circuitOpen(open)));
            return outcome;
        }
        long started = System.nanoTime();
        Answer<T> answer = new Answer<>(outcome, response -> {
            try {
                HttpResponse answered = head.apply(response);
                if (answered.getCode() / 100 == 2) {
                    resilience.onSuccess(breaker, System.nanoTime() - started);
                    outcome.complete(response);
                    return;
                }
                OpenAiFailure failure = classifier.classify(answered.getCode(), name -> header(answered, name), errorText.apply(response))
                        .withHeaders(OpenAiHeaders.of(answered));
                outcome.completeExceptionally(judged(breaker, started, failure));
            } catch (RuntimeException | Error e) {
                resilience.onNeutral(breaker, System.nanoTime() - started);
                outcome.completeExceptionally(e);
            }
        }, error -> outcome.completeExceptionally(judged(breaker, started,
                classifier.classifyTransport(error instanceof CompletionException ? error.getCause() : error))));
        try {
            Future<?> call = send.send(answer);
            // the client's socket timeout covers a pause between two reads; this one the whole answer
            answer.timeout = threads.timers().schedule(() -> {
                answer.timedOut = true;
                call.cancel(true);
            }, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.settled) {
                answer.timeout.cancel(false);
            }
        } catch (RuntimeException | Error e) {
            resilience.onNeutral(breaker, System.nanoTime() - started);
            outcome.completeExceptionally(e);
        }
        return outcome;
    }

    /** Tells the breaker what a failure says of OpenAI's health; the failure as the exception to fail with. */
    private OpenAiException judged(CircuitBreaker breaker, long started, OpenAiFailure failure) {
        OpenAiException error = new OpenAiException(failure);
        if (failure.code() == ErrorCode.OPENAI_UNAVAILABLE || failure.code() == ErrorCode.OPENAI_TIMEOUT) {
            resilience.onFailure(breaker, System.nanoTime() - started, error);
        } else {
            resilience.onNeutral(breaker, System.nanoTime() - started);
        }
        return error;
    }

    /**
     * The retries of a call marked {@code retried}: {@code maxAttempts} in all, for the failures the
     * catalogue calls retryable (never at an open circuit, where nothing was sent), after OpenAI's
     * hint ({@code retry-after-ms}, {@code retry-after}, the rate-limit resets) or else the
     * jittered backoff; a hint beyond {@code cap} is not slept through but answered at once.
     */
    static RetryConfig retryConfig(int maxAttempts, Backoff backoff, Duration cap) {
        return RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .retryOnException(error -> error instanceof OpenAiException e && e.failure().retryable() && !e.failure().circuitOpen())
                .intervalBiFunction((retry, outcome) -> {
                    Duration hint = outcome.isLeft() && outcome.getLeft() instanceof OpenAiException e ? e.failure().retryAfter() : null;
                    return hint != null && hint.compareTo(cap) > 0 ? -1L : backoff.delayBeforeRetry(retry, hint).toMillis();
                })
                .failAfterMaxAttempts(false)
                .writableStackTraceEnabled(false)
                .build();
    }

    /** One attempt's outcome, heard on the client's I/O thread and handed to the completion threads. */
    private final class Answer<T> implements FutureCallback<T> {
        final CompletableFuture<T> outcome;
        final Consumer<T> onResponse;
        final Consumer<Throwable> onError;
        volatile ScheduledFuture<?> timeout;
        volatile boolean timedOut;
        volatile boolean settled;

        Answer(CompletableFuture<T> outcome, Consumer<T> onResponse, Consumer<Throwable> onError) {
            this.outcome = outcome;
            this.onResponse = onResponse;
            this.onError = onError;
        }

        @Override
        public void completed(T response) {
            settle(response, null);
        }

        @Override
        public void failed(Exception error) {
            settle(null, error);
        }

        @Override
        public void cancelled() {
            settle(null, new CancellationException());
        }

        private void settle(T response, Throwable error) {
            settled = true;
            try {
                threads.completions().execute(() -> {
                    ScheduledFuture<?> pending = timeout;
                    if (pending != null) {
                        pending.cancel(false);
                    }
                    if (timedOut) {
                        onError.accept(new TimeoutException("no answer within " + readTimeout));
                    } else if (error != null) {
                        onError.accept(error);
                    } else {
                        onResponse.accept(response);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                outcome.completeExceptionally(shuttingDown);
            }
        }
    }

    private OpenAiException fail(String operation, OpenAiFailure failure, long started) {
        metrics.failure(operation, failure.code(), started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started));
        return new OpenAiException(failure);
    }
}
