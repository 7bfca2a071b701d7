package app.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code app.events.sweep-interval}, fails the publications whose lease expired (the instance that claimed them
 * died, or their listener hung past {@code app.events.max-processing}) and the published ones nobody claimed within
 * {@code app.events.published-staleness}, so that the failed-publication retrier runs them again. It replaces Spring
 * Modulith's staleness monitor, which counts from the publication date and would fail a listener that runs long.
 */
public class StalePublicationSweeper {

    private static final Logger log = LoggerFactory.getLogger(StalePublicationSweeper.class);

    private final DynamoDbEventPublicationRepository registry;
    private final EventRegistrySettings settings;

    StalePublicationSweeper(DynamoDbEventPublicationRepository registry, EventRegistrySettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /** Fails the publications that are due; how many. */
    public int sweep() {
        return registry.failExpired();
    }

    @Scheduled(initialDelayString = "${app.events.sweep-interval:30s}",
            fixedDelayString = "${app.events.sweep-interval:30s}")
    void sweepRegularly() {
        try {
            sweep();
        }
        catch (RuntimeException e) {
            log.warn("Failing event publications with an expired lease did not finish; next try in {}: {}",
                    settings.sweepInterval(), e.toString());
        }
    }
}
