package app.platform.events;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gives failed listener invocations another chance: every {@code app.events.retry-interval} it resubmits the oldest
 * failed publications older than {@code app.events.retry-min-age}, in batches of {@code app.events.retry-batch-size},
 * and keeps going while full batches come back, so a backlog drains at the rate the listeners take it rather than
 * one batch per interval. A publication is resubmitted at most once per run, so one whose listener fails again at
 * once waits for the next run. At most {@code app.events.retry-max-in-flight} resubmitted publications wait for their
 * listener at a time (across the instances sharing the registry); when that many are in flight the run pauses until
 * some complete. One run lasts at most one retry interval.
 *
 * <p>The registry hands it only publications with attempts left: one that fails for the
 * {@code app.events.max-attempts}th time is exhausted and waits, visible at {@code /actuator/eventpublications}, for
 * an operator to resubmit it. Each resubmission is claimed with a conditional write, so instances sharing the
 * registry do not retry the same publication twice.
 */
public class FailedPublicationRetrier {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationRetrier.class);
    private static final Duration IN_FLIGHT_PAUSE = Duration.ofMillis(50);

    private final FailedEventPublications failed;
    private final EventPublicationRepository registry;
    private final EventRegistrySettings settings;

    FailedPublicationRetrier(FailedEventPublications failed, EventPublicationRepository registry,
            EventRegistrySettings settings) {
        this.failed = failed;
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * Resubmits the failed publications that are due, batch after batch, until a batch comes back short or the run
     * has lasted one retry interval.
     *
     * @return how many publications this run resubmitted
     */
    public int retryFailed() {
        long deadline = System.nanoTime() + settings.retryInterval().toNanos();
        Set<UUID> thisRun = new HashSet<>();
        int resubmitted = 0;
        while (System.nanoTime() < deadline) {
            int room = settings.retryMaxInFlight() - registry.countByStatus(EventPublication.Status.RESUBMITTED);
            if (room <= 0) {
                pause();
                continue;
            }
            int batch = Math.min(settings.retryBatchSize(), room);
            int found = resubmitBatch(batch, thisRun);
            resubmitted += found;
            if (found < batch) {
                break;
            }
        }
        return resubmitted;
    }

    /**
     * Resubmits one batch, leaving out what this run resubmitted already: a publication whose listener failed again
     * at once waits for the next run instead of spending its attempts in one.
     *
     * @return how many publications the batch held that this run had not resubmitted yet
     */
    private int resubmitBatch(int batchSize, Set<UUID> thisRun) {
        AtomicInteger found = new AtomicInteger();
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(settings.retryMinAge())
                .withBatchSize(batchSize)
                .withFilter(publication -> thisRun.add(publication.getIdentifier()) && found.incrementAndGet() > 0));
        return found.get();
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(IN_FLIGHT_PAUSE.toNanos());
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for resubmitted publications", stopping);
        }
    }

    @Scheduled(initialDelayString = "${app.events.retry-interval:60s}",
            fixedDelayString = "${app.events.retry-interval:60s}")
    void retryRegularly() {
        try {
            int resubmitted = retryFailed();
            if (resubmitted > 0) {
                log.info("Resubmitted {} failed event publication(s)", resubmitted);
            }
        }
        catch (RuntimeException e) {
            log.warn("Retrying failed event publications did not finish; next try in {}: {}",
                    settings.retryInterval(), e.toString());
        }
    }
}
