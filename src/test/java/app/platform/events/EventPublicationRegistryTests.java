package app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository.FailedCriteria;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The registry's lifecycle on DynamoDB, as Spring Modulith 2.0 drives it, and its safety with several instances. */
@PlatformIntegrationTest
class EventPublicationRegistryTests {

    private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier.of("registry-tests.listener");
    private static final int MAX_ATTEMPTS = 3;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    @Autowired
    EventSerializer serializer;

    @Autowired
    Clock clock;

    private final String run = UUID.randomUUID().toString();
    private final List<UUID> created = new ArrayList<>();
    private Instant now;

    /** Publications are made and completed at the application's time, as the registry stores it (milliseconds). */
    @BeforeEach
    void readTheApplicationsClock() {
        now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aPublicationMovesThroughTheLifecycleAndIsFoundByStatusAtEveryStep() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        TargetEventPublication publication = registry.create(publication(1, now));

        assertThat(ours(registry.findByStatus(Status.PUBLISHED))).containsExactly(publication.getIdentifier());
        registry.markProcessing(publication.getIdentifier());
        assertThat(ours(registry.findByStatus(Status.PROCESSING))).containsExactly(publication.getIdentifier());
        registry.markFailed(publication.getIdentifier());
        assertThat(ours(registry.findFailedPublications(FailedCriteria.ALL))).containsExactly(publication.getIdentifier());
        assertThat(registry.markResubmitted(publication.getIdentifier(), now.plusSeconds(5))).isTrue();

        TargetEventPublication resubmitted = only(registry.findByStatus(Status.RESUBMITTED));
        assertThat(resubmitted.getCompletionAttempts()).isEqualTo(2);
        assertThat(resubmitted.getLastResubmissionDate()).isEqualTo(now.plusSeconds(5));
        assertThat(resubmitted.getEvent()).isEqualTo(new RegistryProbe(run, 1));

        registry.markCompleted(publication.getIdentifier(), now.plusSeconds(6));
        assertThat(ours(registry.findIncompletePublications())).isEmpty();
        TargetEventPublication completed = only(registry.findCompletedPublications());
        assertThat(completed.getStatus()).isEqualTo(Status.COMPLETED);
        assertThat(completed.getCompletionDate()).contains(now.plusSeconds(6));
    }

    @Test
    void incompletePublicationsAreFoundByAgeByEventAndListenerAndInPublicationOrder() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        TargetEventPublication older = registry.create(publication(1, now.minusSeconds(60)));
        TargetEventPublication newer = registry.create(publication(2, now));

        assertThat(ours(registry.findIncompletePublications()))
                .containsExactly(older.getIdentifier(), newer.getIdentifier());
        assertThat(ours(registry.findIncompletePublicationsPublishedBefore(now.minusSeconds(30))))
                .containsExactly(older.getIdentifier());
        assertThat(registry.findIncompletePublicationsByEventAndTargetIdentifier(new RegistryProbe(run, 2), LISTENER))
                .map(TargetEventPublication::getIdentifier).contains(newer.getIdentifier());

        registry.markCompleted(new RegistryProbe(run, 2), LISTENER, now);
        assertThat(ours(registry.findIncompletePublications())).containsExactly(older.getIdentifier());
    }

    @Test
    void aClaimedPublicationSortedByItsLeaseIsStillFoundInPublicationOrder() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        TargetEventPublication older = registry.create(publication(1, now.minusSeconds(60)));
        TargetEventPublication newer = registry.create(publication(2, now));
        registry.markProcessing(older.getIdentifier());

        assertThat(ours(registry.findIncompletePublications()))
                .containsExactly(older.getIdentifier(), newer.getIdentifier());
        assertThat(ours(registry.findIncompletePublicationsPublishedBefore(now.minusSeconds(30))))
                .containsExactly(older.getIdentifier());
        assertThat(registry.oldestIncomplete()).hasValueSatisfying(oldest -> assertThat(oldest)
                .isBeforeOrEqualTo(now.minusSeconds(60)));
    }

    @Test
    void aFailedClaimIsSortedByItsPublicationDateAgainForTheRetrier() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        Instant longAgo = now.minus(30, ChronoUnit.DAYS);
        UUID id = registry.create(publication(1, longAgo)).getIdentifier();
        registry.markProcessing(id);
        registry.markFailed(id);

        assertThat(ours(registry.findFailedPublications(
                FailedCriteria.ALL.withItemsToRead(10).withPublicationsPublishedBefore(longAgo.plusSeconds(1)))))
                .containsExactly(id);
    }

    @Test
    void aBatchOfFailedPublicationsCostsOnePageOfEachShardAndHonoursTheDate() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        Instant longAgo = now.minus(60, ChronoUnit.DAYS);
        List<UUID> failed = IntStream.range(0, 40)
                .mapToObj(i -> registry.create(publication(i, longAgo.plusSeconds(i))).getIdentifier())
                .toList();
        failed.forEach(registry::markFailed);
        CountingQueries reads = new CountingQueries(client);

        List<TargetEventPublication> batch = instance(reads).findFailedPublications(
                FailedCriteria.ALL.withItemsToRead(5).withPublicationsPublishedBefore(now));

        assertThat(ours(batch)).containsExactlyElementsOf(failed.subList(0, 5));
        assertThat(reads.items()).as("items read for a batch of 5 over 4 shards").isLessThanOrEqualTo(4 * 5);
        assertThat(ours(registry.findFailedPublications(
                FailedCriteria.ALL.withItemsToRead(100).withPublicationsPublishedBefore(longAgo.plusSeconds(3)))))
                .containsExactlyElementsOf(failed.subList(0, 3));
    }

    @Test
    void aPublicationThatFailsWithoutAttemptsLeftIsFailedButNoLongerAmongTheRetriableOnes() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        UUID exhausted = registry.create(publication(1, now)).getIdentifier();
        registry.markFailed(exhausted);
        for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(ours(registry.findFailedPublications(FailedCriteria.ALL))).containsExactly(exhausted);
            registry.markResubmitted(exhausted, now);
            registry.markFailed(exhausted);
        }

        assertThat(ours(registry.findFailedPublications(FailedCriteria.ALL))).isEmpty();
        assertThat(ours(registry.findByStatus(Status.FAILED))).containsExactly(exhausted);
        assertThat(registry.exhausted()).isPositive();
        assertThat(registry.markResubmitted(exhausted, now)).isTrue();
        assertThat(only(registry.findByStatus(Status.RESUBMITTED)).getCompletionAttempts()).isEqualTo(MAX_ATTEMPTS + 1);
    }

    @Test
    void anExhaustedPublicationFailedBeforeExhaustedOnesHadTheirOwnPartitionIsMovedThereWhenFound() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        Instant longAgo = now.minus(90, ChronoUnit.DAYS);
        UUID legacy = registry.create(publication(1, longAgo)).getIdentifier();
        UUID retriable = registry.create(publication(2, longAgo.plusSeconds(1))).getIdentifier();
        registry.markFailed(retriable);
        client.updateItem(request -> request.tableName(tables.physicalName(EventRegistryConfiguration.TABLE))
                .key(Map.of(PublicationItems.ID, AttributeValue.fromS(legacy.toString())))
                .updateExpression("SET #status = :failed, #shard = :shard, #attempts = :attempts")
                .expressionAttributeNames(Map.of("#status", PublicationItems.STATUS,
                        "#shard", PublicationItems.STATUS_SHARD, "#attempts", PublicationItems.ATTEMPTS))
                .expressionAttributeValues(Map.of(":failed", AttributeValue.fromS("FAILED"),
                        ":shard", AttributeValue.fromS(new PublicationItems(serializer, 4)
                                .statusShard(Status.FAILED, legacy)),
                        ":attempts", AttributeValue.fromN(Integer.toString(MAX_ATTEMPTS)))));

        assertThat(ours(registry.findFailedPublications(FailedCriteria.ALL.withItemsToRead(1))))
                .containsExactly(retriable);
        assertThat(registry.findByStatus(Status.FAILED)).filteredOn(publication -> publication.getIdentifier()
                .equals(legacy)).singleElement().matches(publication -> ((StoredPublication) publication).isExhausted());
    }

    @Test
    void twoInstancesRacingToResubmitOnePublicationClaimItOnce() throws Exception {
        DynamoDbEventPublicationRepository first = instance(CompletionMode.UPDATE);
        DynamoDbEventPublicationRepository second = instance(CompletionMode.UPDATE);
        UUID id = first.create(publication(1, now)).getIdentifier();
        first.markFailed(id);

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DynamoDbEventPublicationRepository instance = i % 2 == 0 ? first : second;
            claims.add(() -> {
                start.await();
                return instance.markResubmitted(id, now);
            });
        }
        List<Future<Boolean>> outcomes;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> submitted = claims.stream().map(pool::submit).toList();
            start.countDown();
            outcomes = submitted;
        }

        long won = 0;
        for (Future<Boolean> outcome : outcomes) {
            won += outcome.get() ? 1 : 0;
        }
        assertThat(won).isOne();
        assertThat(only(first.findByStatus(Status.RESUBMITTED)).getCompletionAttempts()).isEqualTo(2);
    }

    @Test
    void aFailureRecordedWithoutTheClaimLeavesThePublicationToTheInstanceThatHoldsIt() {
        DynamoDbEventPublicationRepository holder = instance(CompletionMode.UPDATE);
        DynamoDbEventPublicationRepository other = instance(CompletionMode.UPDATE);
        UUID id = holder.create(publication(1, now)).getIdentifier();
        holder.markProcessing(id);

        other.markProcessing(id); // refused: the holder's lease is live, yet Spring Modulith runs the listener
        other.markFailed(id);

        assertThat(ours(holder.findByStatus(Status.PROCESSING))).containsExactly(id);
        assertThat(ours(holder.findFailedPublications(FailedCriteria.ALL))).isEmpty();
    }

    @Test
    void aCompletedPublicationCannotBeClaimedAgain() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        UUID id = registry.create(publication(1, now)).getIdentifier();
        registry.markCompleted(id, now);

        assertThat(registry.markResubmitted(id, now)).isFalse();
        assertThat(ours(registry.findByStatus(Status.RESUBMITTED))).isEmpty();
    }

    @Test
    void deleteModeRemovesACompletedPublication() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.DELETE);
        UUID id = registry.create(publication(1, now)).getIdentifier();

        registry.markCompleted(id, now);

        assertThat(ours(registry.findIncompletePublications())).isEmpty();
        assertThat(ours(instance(CompletionMode.UPDATE).findCompletedPublications())).isEmpty();
    }

    @Test
    void archiveModeMovesACompletedPublicationToTheArchiveTable() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.ARCHIVE);
        UUID id = registry.create(publication(1, now)).getIdentifier();

        registry.markCompleted(id, now);

        assertThat(ours(registry.findIncompletePublications())).isEmpty();
        assertThat(ours(registry.findCompletedPublications())).containsExactly(id);
        registry.deleteCompletedPublicationsBefore(now.plusSeconds(1));
        assertThat(ours(registry.findCompletedPublications())).isEmpty();
    }

    @Test
    void completedPublicationsAreDeletedByAge() {
        DynamoDbEventPublicationRepository registry = instance(CompletionMode.UPDATE);
        UUID old = registry.create(publication(1, now)).getIdentifier();
        UUID recent = registry.create(publication(2, now)).getIdentifier();
        registry.markCompleted(old, now.minusSeconds(3600));
        registry.markCompleted(recent, now);

        registry.deleteCompletedPublicationsBefore(now.minusSeconds(60));

        assertThat(ours(registry.findCompletedPublications())).containsExactly(recent);
        assertThat(registry.countByStatus(Status.COMPLETED)).isPositive();
    }

    /** Leaves no publication behind for the other tests that share the registry, whatever its state or claim. */
    @AfterEach
    void deleteOurPublications() {
        created.forEach(id -> List.of(EventRegistryConfiguration.TABLE, EventRegistryConfiguration.ARCHIVE_TABLE)
                .forEach(table -> client.deleteItem(request -> request.tableName(tables.physicalName(table))
                        .key(Map.of(PublicationItems.ID, AttributeValue.fromS(id.toString()))))));
    }

    private DynamoDbEventPublicationRepository instance(CompletionMode mode) {
        return instance(client, mode);
    }

    private DynamoDbEventPublicationRepository instance(DynamoDbClient client) {
        return instance(client, CompletionMode.UPDATE);
    }

    private DynamoDbEventPublicationRepository instance(DynamoDbClient client, CompletionMode mode) {
        return new DynamoDbEventPublicationRepository(client, tables.physicalName(EventRegistryConfiguration.TABLE),
                tables.physicalName(EventRegistryConfiguration.ARCHIVE_TABLE), new PublicationItems(serializer, 4),
                mode, MAX_ATTEMPTS, new Leases(clock, Duration.ofMinutes(2), Duration.ofMinutes(30), false),
                Duration.ofMinutes(5), Duration.ofDays(7));
    }

    private TargetEventPublication publication(int number, Instant publishedAt) {
        TargetEventPublication publication = TargetEventPublication.of(new RegistryProbe(run, number), LISTENER,
                publishedAt);
        created.add(publication.getIdentifier());
        return publication;
    }

    private List<UUID> ours(List<TargetEventPublication> publications) {
        return publications.stream()
                .filter(publication -> publication.getEvent() instanceof RegistryProbe probe && probe.run().equals(run))
                .map(TargetEventPublication::getIdentifier)
                .toList();
    }

    private TargetEventPublication only(List<TargetEventPublication> publications) {
        List<TargetEventPublication> mine = publications.stream()
                .filter(publication -> publication.getEvent() instanceof RegistryProbe probe && probe.run().equals(run))
                .toList();
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }
}
