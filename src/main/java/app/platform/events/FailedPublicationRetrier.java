package app.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gives failed listener invocations another chance: every {@code app.events.retry-interval} it resubmits a batch of
 * the oldest failed publications older than {@code app.events.retry-min-age}. The registry hands it only those with
 * attempts left: one that fails for the {@code app.events.max-attempts}th time is exhausted and waits, visible at
 * {@code /actuator/eventpublications}, for an operator to resubmit it. Each resubmission is claimed with a conditional
 * write, so instances sharing the registry do not retry the same publication twice.
 */
public class FailedPublicationRetrier {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationRetrier.class);

    private final FailedEventPublications failed;
    private final EventRegistrySettings settings;

    FailedPublicationRetrier(FailedEventPublications failed, EventRegistrySettings settings) {
        this.failed = failed;
        this.settings = settings;
    }

    /** Resubmits the failed publications that are due. */
    public void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(settings.retryMinAge()));
    }

    @Scheduled(initialDelayString = "${app.events.retry-interval:60s}",
            fixedDelayString = "${app.events.retry-interval:60s}")
    void retryRegularly() {
        try {
            retryFailed();
        }
        catch (RuntimeException e) {
            log.warn("Retrying failed event publications did not finish; next try in {}: {}",
                    settings.retryInterval(), e.toString());
        }
    }
}
