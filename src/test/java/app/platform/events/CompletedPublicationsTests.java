package app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a completed publication leaves in each completion mode, and why: a relay of the same publication (an outbox
 * whose clearing failed, relayed again by the sweeper) must not write it anew, which would run its listener again; and
 * what is left expires (DynamoDB's time to live, which the local engine does not run: the attribute is checked).
 */
@PlatformIntegrationTest
class CompletedPublicationsTests {

    private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier.of("completed-tests.listener");

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    @Autowired
    EventSerializer serializer;

    @Autowired
    EventRegistrySettings settings;

    @Autowired
    Clock clock;

    private final String run = UUID.randomUUID().toString();
    private final List<UUID> created = new ArrayList<>();
    private Instant now;

    @BeforeEach
    void readTheApplicationsClock() {
        now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @ParameterizedTest
    @EnumSource(CompletionMode.class)
    void aRelayOfAnOutboxWhosePublicationCompletedDoesNotWriteItAgain(CompletionMode mode) {
        DynamoDbEventPublicationRepository registry = instance(mode);
        TargetEventPublication publication = publication(1);
        Map<String, AttributeValue> item = items().toItem(publication);
        registry.relayForDispatch(List.of(item));
        registry.markProcessing(publication.getIdentifier());
        registry.markCompleted(publication.getIdentifier(), now);

        registry.relay(List.of(item));

        assertThat(ours(registry.findIncompletePublications())).isEmpty();
        assertThat(stored(publication.getIdentifier()).get(PublicationItems.STATUS).s()).isEqualTo("COMPLETED");
    }

    @ParameterizedTest
    @EnumSource(CompletionMode.class)
    void aPublicationCompletedBeforeItsRelayIsNotWrittenByIt(CompletionMode mode) {
        DynamoDbEventPublicationRepository registry = instance(mode);
        TargetEventPublication publication = publication(1);

        registry.markCompleted(publication.getIdentifier(), now);
        registry.relay(List.of(items().toItem(publication)));

        assertThat(ours(registry.findIncompletePublications())).isEmpty();
    }

    @Test
    void aCompletedPublicationExpiresAfterTheRetention() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        UUID id = registry.create(publication(1)).getIdentifier();

        registry.markCompleted(id, now);

        assertThat(stored(id).get(PublicationItems.EXPIRES_AT).n())
                .isEqualTo(Long.toString(now.plus(settings.completedRetention()).getEpochSecond()));
        assertThat(ours(registry.findCompletedPublications())).containsExactly(id);
    }

    @ParameterizedTest
    @EnumSource(value = CompletionMode.class, names = { "DELETE", "ARCHIVE" })
    void deleteAndArchiveModesLeaveAnExpiringMarkerThatNoLookupSees(CompletionMode mode) {
        DynamoDbEventPublicationRepository registry = instance(mode);
        TargetEventPublication publication = publication(1);
        UUID id = registry.create(publication).getIdentifier();

        registry.markCompleted(id, now);

        assertThat(stored(id)).containsOnlyKeys(PublicationItems.ID, PublicationItems.STATUS,
                PublicationItems.COMPLETED_AT, PublicationItems.EXPIRES_AT);
        assertThat(stored(id).get(PublicationItems.EXPIRES_AT).n())
                .isEqualTo(Long.toString(now.plus(settings.completedRetention()).getEpochSecond()));
        assertThat(ours(instance(CompletionMode.UPDATE).findCompletedPublications())).isEmpty();
        assertThat(registry.findIncompletePublicationsByEventAndTargetIdentifier(publication.getEvent(), LISTENER))
                .isEmpty();
        assertThat(ours(registry.findCompletedPublications()))
                .isEqualTo(mode == CompletionMode.ARCHIVE ? List.of(id) : List.of());
        assertThat(registry.markResubmitted(id, now)).isFalse();
    }

    @Test
    void aDeletedCompletedPublicationLeavesItsMarkerSoARelayDoesNotBringItBack() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        TargetEventPublication publication = publication(1);
        Map<String, AttributeValue> item = items().toItem(publication);
        registry.relay(List.of(item));
        registry.markCompleted(publication.getIdentifier(), now);

        registry.deleteCompletedPublicationsBefore(now.plusSeconds(1));
        registry.relay(List.of(item));

        assertThat(ours(registry.findCompletedPublications())).isEmpty();
        assertThat(ours(registry.findIncompletePublications())).isEmpty();
    }

    @Test
    void deletingPublicationsLeavesOneAnotherInstanceHasClaimed() {
        DynamoDbEventPublicationRepository other = instance(CompletionMode.UPDATE);
        UUID claimed = other.create(publication(1)).getIdentifier();
        other.markProcessing(claimed);

        instance(CompletionMode.UPDATE).deletePublications(List.of(claimed));

        assertThat(stored(claimed).get(PublicationItems.STATUS).s()).isEqualTo("PROCESSING");
        assertThat(ours(other.findIncompletePublications())).containsExactly(claimed);
    }

    /** Removes our items from both tables, whatever their state, for the other tests that share them. */
    @AfterEach
    void deleteOurItems() {
        created.forEach(id -> List.of(EventRegistryConfiguration.TABLE, EventRegistryConfiguration.ARCHIVE_TABLE)
                .forEach(table -> client.deleteItem(request -> request.tableName(tables.physicalName(table))
                        .key(key(id)))));
    }

    private DynamoDbEventPublicationRepository instance(CompletionMode mode) {
        return RegistryInstances.sharing(client, tables, serializer, settings, clock, mode);
    }

    private PublicationItems items() {
        return new PublicationItems(serializer, settings.shards());
    }

    private TargetEventPublication publication(int number) {
        TargetEventPublication publication = TargetEventPublication.of(new RegistryProbe(run, number), LISTENER, now);
        created.add(publication.getIdentifier());
        return publication;
    }

    private Map<String, AttributeValue> stored(UUID id) {
        return client.getItem(request -> request.tableName(tables.physicalName(EventRegistryConfiguration.TABLE))
                .key(key(id)).consistentRead(true)).item();
    }

    private List<UUID> ours(List<TargetEventPublication> publications) {
        return publications.stream()
                .filter(publication -> publication.getEvent() instanceof RegistryProbe probe && probe.run().equals(run))
                .map(TargetEventPublication::getIdentifier)
                .toList();
    }

    private static Map<String, AttributeValue> key(UUID id) {
        return Map.of(PublicationItems.ID, AttributeValue.fromS(id.toString()));
    }
}
