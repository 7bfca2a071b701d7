package app.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Renews the leases of the publications whose listener runs on this instance, every third of
 * {@code app.events.lease}, so that no other instance takes over a listener that merely runs long (an AI generation).
 * It runs on a platform thread of its own: a scheduler busy with sweeps must not delay a renewal past the lease. A
 * failed renewal is logged and tried again at the next round; it never reaches the listener.
 */
class LeaseRenewer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewer.class);

    private final DynamoDbEventPublicationRepository registry;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    LeaseRenewer(DynamoDbEventPublicationRepository registry, Duration lease) {
        this.registry = registry;
        this.interval = lease.dividedBy(3);
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("event-lease-renewer").daemon(true).factory());
        timer.scheduleWithFixedDelay(this::renew, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void renew() {
        try {
            registry.renewLeases();
        }
        catch (RuntimeException e) {
            // An exception would cancel the schedule: every later renewal would be lost.
            log.warn("Renewing the leases of running listeners did not finish; next try in {}: {}", interval,
                    e.toString());
        }
    }
}
