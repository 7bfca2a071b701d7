package app.platform.events;

import java.time.Clock;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Registry instances on the application's tables, as other application instances sharing them would run. */
final class RegistryInstances {

    private RegistryInstances() {
    }

    /**
     * An instance with the application's settings that shares the registry with others, started now: the leases of
     * other instances hold for it until they expire. Nothing renews its leases unless the test calls
     * {@link DynamoDbEventPublicationRepository#renewLeases()}, as if it had stopped.
     */
    static DynamoDbEventPublicationRepository sharing(DynamoDbClient client, DynamoDbTables tables,
            EventSerializer serializer, EventRegistrySettings settings, Clock clock, CompletionMode mode) {
        return new DynamoDbEventPublicationRepository(client, tables.physicalName(EventRegistryConfiguration.TABLE),
                tables.physicalName(EventRegistryConfiguration.ARCHIVE_TABLE),
                new PublicationItems(serializer, settings.shards()), mode, settings.maxAttempts(),
                new Leases(clock, settings.lease(), settings.maxProcessing(), false), settings.publishedStaleness(),
                settings.completedRetention());
    }
}
