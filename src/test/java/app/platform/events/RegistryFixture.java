package app.platform.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Publications of one test's {@link RegistryProbe} events, written through the registry and read back as stored
 * items. Their listener does not exist, so a resubmitted one fails again at once.
 */
final class RegistryFixture {

    static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier.of("registry-faults.listener");

    private final DynamoDbEventPublicationRepository registry;
    private final DynamoDbClient client;
    private final String table;
    private final String run = UUID.randomUUID().toString();
    private final List<UUID> created = new ArrayList<>();

    RegistryFixture(DynamoDbEventPublicationRepository registry, DynamoDbClient client, String table) {
        this.registry = registry;
        this.client = client;
        this.table = table;
    }

    UUID published(Instant at) {
        TargetEventPublication publication = TargetEventPublication.of(new RegistryProbe(run, created.size()),
                LISTENER, at);
        created.add(publication.getIdentifier());
        return registry.create(publication).getIdentifier();
    }

    UUID processing(Instant at) {
        UUID id = published(at);
        registry.markProcessing(id);
        return id;
    }

    /** A publication whose listener failed after {@code attempts} attempts. */
    UUID failed(Instant at, int attempts) {
        UUID id = published(at);
        registry.markFailed(id);
        for (int attempt = 2; attempt <= attempts; attempt++) {
            registry.markResubmitted(id, Instant.now());
            registry.markFailed(id);
        }
        return id;
    }

    /** Overwrites a stored attribute, as an older or newer version of the application, or a corruption, would. */
    void overwrite(UUID id, String attribute, String value) {
        client.updateItem(request -> request.tableName(table).key(key(id))
                .updateExpression("SET #attribute = :value")
                .expressionAttributeNames(Map.of("#attribute", attribute))
                .expressionAttributeValues(Map.of(":value", AttributeValue.fromS(value))));
    }

    Map<String, AttributeValue> item(UUID id) {
        return client.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true)).item();
    }

    int attempts(UUID id) {
        return Integer.parseInt(item(id).get("completionAttempts").n());
    }

    String status(UUID id) {
        return item(id).get("status").s();
    }

    void deleteAll() {
        registry.deletePublications(created);
    }

    private static Map<String, AttributeValue> key(UUID id) {
        return Map.of("pk", AttributeValue.fromS(id.toString()));
    }
}
