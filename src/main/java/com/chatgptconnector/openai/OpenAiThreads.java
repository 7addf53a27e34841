package com.chatgptconnector.openai;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The few threads that carry every call to OpenAI, however many are in flight: a request waiting
 * for OpenAI holds no thread at all. {@code completions} runs what happens once an answer is in
 * (classifying, counting tokens, writing the response; for a workspace with a token limit it
 * touches the database), {@code timers} the read timeouts and retry delays. The HTTP client's own
 * steps need no pool: they wait only for the network, and run on its I/O threads (see
 * {@link OpenAiGateway}).
 * Both come from the container's {@link ManagedThreadFactory}, so they run with the application's
 * context, and are fixed in size, so a burst queues work instead of starting threads.
 */
@ApplicationScoped
public class OpenAiThreads {

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "connector.openai.completion-threads", defaultValue = "16")
    int completionThreads;

    private ExecutorService completions;
    private ScheduledThreadPoolExecutor timers;

    @PostConstruct
    void start() {
        completions = Executors.newFixedThreadPool(Math.max(1, completionThreads), threadFactory);
        timers = new ScheduledThreadPoolExecutor(1, threadFactory);
        // a timeout is cancelled by almost every call: keep the queue to the calls in flight
        timers.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        completions.shutdownNow();
        timers.shutdownNow();
    }

    public ExecutorService completions() {
        return completions;
    }

    ScheduledThreadPoolExecutor timers() {
        return timers;
    }

    /**
     * Created at deployment, on a container thread: answers complete on the completion threads,
     * where the container's context (the metric registry, resource lookups) cannot be resolved.
     */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
