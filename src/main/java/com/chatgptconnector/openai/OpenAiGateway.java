package com.chatgptconnector.openai;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.settings.StoredCredentials;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Every call to OpenAI goes through here: the workspace's key, organization and project as
 * headers; retries with exponential backoff and jitter for 5xx, connection failures and rate
 * limits, honouring {@code retry-after-ms} / {@code retry-after} up to a cap; a circuit breaker
 * and a bulkhead per workspace; and exactly one classified {@link OpenAiException} for anything
 * that does not end in a 2xx. MicroProfile's {@code @Retry} cannot wait what OpenAI asks for,
 * and its breaker is shared by all workspaces, hence this small loop.
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

    private final OpenAiErrorClassifier classifier = new OpenAiErrorClassifier();
    private final Map<String, Semaphore> bulkheads = new ConcurrentHashMap<>();
    private OpenAiApi api;
    private Backoff backoff;

    @PostConstruct
    void init() {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        api = RestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // every status reaches the classifier; no exception mapping by the client
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(OpenAiApi.class);
        backoff = new Backoff(initialBackoff, 2.0, maxBackoff, maxRetryAfter, RandomGenerator.getDefault());
        LOG.info(() -> "OpenAI API at " + base);
    }

    @PreDestroy
    void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }
    }

    public OpenAiCall listModels(String workspaceId, StoredCredentials credentials) {
        return call(workspaceId, "models", a -> a.listModels(bearer(credentials), credentials.organizationId(), credentials.projectId()));
    }

    public OpenAiCall chatCompletions(String workspaceId, StoredCredentials credentials, String body) {
        return call(workspaceId, "chat", a -> a.chatCompletions(bearer(credentials), credentials.organizationId(), credentials.projectId(), body));
    }

    private static String bearer(StoredCredentials credentials) {
        return "Bearer " + credentials.apiKey();
    }

    private OpenAiCall call(String workspaceId, String operation, Function<OpenAiApi, Response> request) {
        Semaphore bulkhead = bulkheads.computeIfAbsent(workspaceId, id -> new Semaphore(perWorkspaceConcurrency));
        if (!bulkhead.tryAcquire()) {
            // this workspace already has as many calls in flight as it may: others keep their share
            throw fail(operation, new OpenAiFailure(ErrorCode.RATE_LIMITED, true, Duration.ofSeconds(1), null, 0, null, null, null), 0);
        }
        long started = System.nanoTime();
        try {
            CircuitBreaker breaker = breakers.of(workspaceId);
            for (int attempt = 1; ; attempt++) {
                Duration open = breaker.acquire();
                if (open != null) {
                    throw fail(operation, new OpenAiFailure(ErrorCode.OPENAI_UNAVAILABLE, true, open, null, 0, null, null, null), started);
                }
                OpenAiFailure failure;
                try (Response response = request.apply(api)) {
                    String body = response.hasEntity() ? response.readEntity(String.class) : "";
                    if (response.getStatus() / 100 == 2) {
                        breaker.onSuccess();
                        Duration latency = Duration.ofNanos(System.nanoTime() - started);
                        metrics.success(operation, latency);
                        return new OpenAiCall(response.getStatus(), body, response.getHeaderString("x-request-id"), attempt, latency);
                    }
                    failure = classifier.classify(response.getStatus(), response::getHeaderString, body);
                } catch (ProcessingException | IllegalStateException e) {
                    failure = classifier.classifyTransport(e);
                }
                if (failure.code() == ErrorCode.OPENAI_UNAVAILABLE || failure.code() == ErrorCode.OPENAI_TIMEOUT) {
                    breaker.onFailure();
                } else {
                    breaker.onNeutral();
                }
                Duration wait = failure.retryable() && attempt < maxAttempts ? backoff.delayBeforeRetry(attempt, failure.retryAfter()) : null;
                if (wait == null || (failure.retryAfter() != null && failure.retryAfter().compareTo(maxRetryAfter) > 0)) {
                    throw fail(operation, failure, started);
                }
                metrics.retry(operation, failure.code());
                sleep(wait);
            }
        } finally {
            bulkhead.release();
        }
    }

    private OpenAiException fail(String operation, OpenAiFailure failure, long started) {
        metrics.failure(operation, failure.code(), started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started));
        return new OpenAiException(failure);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException(new OpenAiFailure(ErrorCode.OPENAI_UNAVAILABLE, true, null, null, 0, null, null, null));
        }
    }
}
