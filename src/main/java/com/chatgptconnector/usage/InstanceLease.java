package com.chatgptconnector.usage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's lease: an id of its own for each start, refreshed in the database every
 * {@code connector.usage.reservation.heartbeat}. Every instance also sweeps: a reservation whose
 * instance has not refreshed for {@code connector.usage.reservation.lease} (it was killed, or its
 * host lost) is released, so a budget never stays short of tokens that no call will settle; one
 * older than {@code connector.usage.reservation.max-age} is released whoever holds it. A killed
 * instance's reservations are thus released within lease + heartbeat (docs/adr/0027).
 */
@ApplicationScoped
public class InstanceLease {

    private static final Logger LOG = Logger.getLogger(InstanceLease.class.getName());

    private final String id = UUID.randomUUID().toString();

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    ReservationRepository repository;

    @Inject
    @ConfigProperty(name = "connector.usage.reservation.heartbeat", defaultValue = "PT10S")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "connector.usage.reservation.lease", defaultValue = "PT30S")
    Duration lease;

    @Inject
    @ConfigProperty(name = "connector.usage.reservation.max-age", defaultValue = "PT1H")
    Duration maxAge;

    private ScheduledExecutorService timer;
    private volatile boolean registered;

    @PostConstruct
    void start() {
        // the row exists before the first reservation names it; a database that is away now is retried by the timer
        beatQuietly();
        timer = Executors.newSingleThreadScheduledExecutor(threadFactory);
        timer.scheduleWithFixedDelay(this::beatAndSweep, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            repository.leave(id);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "instance row left behind: {0}", e.getMessage());
        }
    }

    /** The id a reservation names; its row is written first if the start-up could not yet. */
    public String id() {
        if (!registered) {
            beatQuietly();
        }
        return id;
    }

    private void beatAndSweep() {
        if (!beatQuietly()) {
            return;
        }
        try {
            Instant now = Instant.now(Clock.systemUTC());
            long released = repository.releaseOrphans(now.minus(lease), now.minus(maxAge));
            if (released > 0) {
                LOG.log(Level.WARNING, "Released {0} reserved tokens of calls that no instance can settle any more", released);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reservations not swept, will retry: {0}", String.valueOf(e.getMessage()));
        }
    }

    private boolean beatQuietly() {
        try {
            repository.heartbeat(id, Instant.now(Clock.systemUTC()));
            registered = true;
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Instance heartbeat not written, will retry: {0}", String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** Created at deployment: the heartbeat runs whether or not a request came. */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
