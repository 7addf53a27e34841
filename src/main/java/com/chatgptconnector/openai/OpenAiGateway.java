package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
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
 * that does not end in a 2xx. MicroProfile's {@code @Retry} cannot wait what OpenAI asks for,
 * and its breaker is shared by all workspaces, hence this small loop
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
    private CloseableHttpAsyncClient http;
    private Backoff backoff;

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

    private <T> CompletableFuture<T> execute(String workspaceId, OpenAiRequest request, Attempt<T> send,
                                             Function<T, HttpResponse> head, Function<T, String> errorText) {
        String operation = request.operation();
        Semaphore bulkhead = bulkheads.computeIfAbsent(workspaceId, id -> new Semaphore(perWorkspaceConcurrency));
        if (!bulkhead.tryAcquire()) {
            // this workspace already has as many calls in flight as it may: others keep their share
            return CompletableFuture.failedFuture(
                    fail(operation, new OpenAiFailure(ErrorCode.RATE_LIMITED, true, Duration.ofSeconds(1), null, 0, null, null, null), 0));
        }
        Exchange<T> exchange = new Exchange<>(breakers.of(workspaceId), operation, request.retried() ? maxAttempts : 1,
                send, head, errorText);
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
        final CompletableFuture<T> result = new CompletableFuture<>();
        final CircuitBreaker breaker;
        final String operation;
        final int attempts;
        final Attempt<T> send;
        final Function<T, HttpResponse> head;
        final Function<T, String> errorText;
        final long started = System.nanoTime();

        Exchange(CircuitBreaker breaker, String operation, int attempts, Attempt<T> send, Function<T, HttpResponse> head,
                 Function<T, String> errorText) {
            this.breaker = breaker;
            this.operation = operation;
            this.attempts = attempts;
            this.send = send;
            this.head = head;
            this.errorText = errorText;
        }

        void attempt(int attempt) {
            try {
                Duration open = breaker.acquire();
                if (open != null) {
                    result.completeExceptionally(fail(operation, OpenAiFailure.circuitOpen(open), started));
                    return;
                }
                Answer answer = new Answer(attempt);
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
                // a half-open circuit's one trial slot must not stay taken by a call that never went out
                breaker.onNeutral();
                result.completeExceptionally(e);
            }
        }

        /**
         * One attempt's outcome, heard on the client's I/O thread and handled on the completion
         * threads, where a workspace with a token limit may touch the database.
         */
        private final class Answer implements FutureCallback<T> {
            final int attempt;
            volatile ScheduledFuture<?> timeout;
            volatile boolean timedOut;
            volatile boolean settled;

            Answer(int attempt) {
                this.attempt = attempt;
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
                        onAnswer(attempt, response, timedOut ? new TimeoutException("no answer within " + readTimeout) : error);
                    });
                } catch (RejectedExecutionException shuttingDown) {
                    result.completeExceptionally(shuttingDown);
                }
            }
        }

        private void onAnswer(int attempt, T response, Throwable error) {
            try {
                OpenAiFailure failure;
                if (error == null && head.apply(response).getCode() / 100 == 2) {
                    breaker.onSuccess();
                    metrics.success(operation, Duration.ofNanos(System.nanoTime() - started));
                    result.complete(response);
                    return;
                } else if (error == null) {
                    HttpResponse answer = head.apply(response);
                    failure = classifier.classify(answer.getCode(), name -> header(answer, name), errorText.apply(response))
                            .withHeaders(OpenAiHeaders.of(answer));
                } else {
                    failure = classifier.classifyTransport(error instanceof CompletionException ? error.getCause() : error);
                }
                if (failure.code() == ErrorCode.OPENAI_UNAVAILABLE || failure.code() == ErrorCode.OPENAI_TIMEOUT) {
                    breaker.onFailure();
                } else {
                    breaker.onNeutral();
                }
                Duration wait = failure.retryable() && attempt < attempts ? backoff.delayBeforeRetry(attempt, failure.retryAfter()) : null;
                if (wait == null || (failure.retryAfter() != null && failure.retryAfter().compareTo(maxRetryAfter) > 0)) {
                    result.completeExceptionally(fail(operation, failure, started));
                    return;
                }
                metrics.retry(operation, failure.code());
                threads.timers().schedule(() -> threads.completions().execute(() -> attempt(attempt + 1)),
                        wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException | Error e) {
                // as above: whatever failed here, the trial slot is freed (harmless where the breaker was told already)
                breaker.onNeutral();
                result.completeExceptionally(e);
            }
        }
    }

    private OpenAiException fail(String operation, OpenAiFailure failure, long started) {
        metrics.failure(operation, failure.code(), started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started));
        return new OpenAiException(failure);
    }
}
