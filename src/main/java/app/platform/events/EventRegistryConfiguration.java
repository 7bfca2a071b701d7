package app.platform.events;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes DynamoDB the store of Spring Modulith's event publication registry; Spring Modulith's auto-configuration
 * builds the registry, the persistent event multicaster and the staleness monitor on top of it.
 */
@Configuration(proxyBeanMethods = false)
class EventRegistryConfiguration {

    static final String TABLE = "event-publications";
    static final String ARCHIVE_TABLE = "event-publication-archive";

    @Bean
    DynamoDbEventPublicationRepository eventPublicationRepository(DynamoDbClient client, DynamoDbTables tables,
            EventSerializer serializer, EventRegistrySettings settings, Environment environment,
            MeterRegistry meters, Clock clock) {
        DynamoDbEventPublicationRepository repository = new DynamoDbEventPublicationRepository(client,
                tables.physicalName(TABLE), tables.physicalName(ARCHIVE_TABLE),
                new PublicationItems(serializer, settings.shards()), CompletionMode.from(environment),
                settings.maxAttempts());
        repository.measureWith(new EventRegistryMetrics(meters, repository::oldestIncomplete, repository::exhausted,
                clock));
        return repository;
    }

    @Bean
    FailedPublicationRetrier failedPublicationRetrier(FailedEventPublications failed, EventRegistrySettings settings) {
        return new FailedPublicationRetrier(failed, settings);
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
}
