package app.platform.events;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.dynamodb.DynamoDbTables;
import app.platform.tracing.EventTraces;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes DynamoDB the store of Spring Modulith's event publication registry; Spring Modulith's auto-configuration
 * builds the registry and the persistent event multicaster on top of it. Claims hold leases, renewed while their
 * listener runs ({@link LeaseRenewer}) and failed once expired ({@link StalePublicationSweeper}); Spring Modulith's
 * staleness monitor, which counts from the publication date, must stay off.
 */
@Configuration(proxyBeanMethods = false)
class EventRegistryConfiguration {

    static final String TABLE = "event-publications";
    static final String ARCHIVE_TABLE = "event-publication-archive";
    /** Set where this instance is the only one using the registry (Spring Modulith's, and its older name). */
    private static final List<String> REPUBLISH_ON_RESTART = List.of(
            "spring.modulith.events.republish-outstanding-events-on-restart",
            "spring.modulith.republish-outstanding-events-on-restart");

    @Bean
    DynamoDbEventPublicationRepository eventPublicationRepository(DynamoDbClient client, DynamoDbTables tables,
            EventSerializer serializer, EventRegistrySettings settings, Environment environment,
            MeterRegistry meters, Clock clock, ObjectProvider<Staleness> staleness, EventTraces traces) {
        staleness.ifAvailable(EventRegistryConfiguration::refusePublicationDateStaleness);
        Leases leases = new Leases(clock, settings.lease(), settings.maxProcessing(), soleInstance(environment));
        DynamoDbEventPublicationRepository repository = new DynamoDbEventPublicationRepository(client,
                tables.physicalName(TABLE), tables.physicalName(ARCHIVE_TABLE),
                new PublicationItems(serializer, settings.shards(), traces), CompletionMode.from(environment),
                settings.maxAttempts(), leases, settings.publishedStaleness(), settings.completedRetention());
        repository.measureWith(new EventRegistryMetrics(meters, repository::oldestIncomplete, repository::exhausted,
                clock));
        return repository;
    }

    @Bean
    LeaseRenewer leaseRenewer(DynamoDbEventPublicationRepository repository, EventRegistrySettings settings) {
        return new LeaseRenewer(repository, settings.lease());
    }

    @Bean
    StalePublicationSweeper stalePublicationSweeper(DynamoDbEventPublicationRepository repository,
            EventRegistrySettings settings) {
        return new StalePublicationSweeper(repository, settings);
    }

    @Bean
    FailedPublicationRetrier failedPublicationRetrier(FailedEventPublications failed,
            DynamoDbEventPublicationRepository registry, EventRegistrySettings settings) {
        return new FailedPublicationRetrier(failed, registry, settings);
    }

    @Bean
    EventPublicationsEndpoint eventPublicationsEndpoint(DynamoDbEventPublicationRepository repository,
            IncompleteEventPublications incomplete, Clock clock) {
        return new EventPublicationsEndpoint(repository, incomplete, clock);
    }

    @Bean
    EventPublicationsHealthIndicator eventPublicationsHealthIndicator(DynamoDbEventPublicationRepository repository) {
        return new EventPublicationsHealthIndicator(repository::exhausted);
    }

    /**
     * A restarting instance resubmits every incomplete publication only where it is the only one using the registry;
     * then a lease held by an instance started before it is a stopped earlier run's, and it takes it over at once.
     */
    static boolean soleInstance(Environment environment) {
        return REPUBLISH_ON_RESTART.stream()
                .map(property -> environment.getProperty(property, Boolean.class))
                .filter(Objects::nonNull)
                .findFirst().orElse(false);
    }

    /**
     * Spring Modulith's staleness monitor fails publications by their publication date: it would fail (and the retrier
     * run a second time) a listener that runs long, and with any of its durations set it fails every publication of a
     * status whose duration is left at zero. The leases replace it.
     */
    static void refusePublicationDateStaleness(Staleness staleness) {
        for (Status status : List.of(Status.PUBLISHED, Status.PROCESSING, Status.RESUBMITTED)) {
            if (!staleness.getStaleness(status).isZero()) {
                throw new IllegalStateException("spring.modulith.events.staleness.* is set, but publications are "
                        + "failed by their lease here: remove it and use app.events.lease, app.events.max-processing "
                        + "and app.events.published-staleness");
            }
        }
    }
}
