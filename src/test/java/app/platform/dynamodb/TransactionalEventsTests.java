package app.platform.dynamodb;

import static app.platform.dynamodb.FaultInjectingDynamoDbClient.writeTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The commit protocol: a transaction's state change and its events are both there or both absent, whatever write
 * fails, and every committed event reaches its listener.
 */
@PlatformIntegrationTest
class TransactionalEventsTests {

    @Autowired
    Notes notes;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    NoteWrittenListener listener;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    @Autowired
    NoteSharedListeners sharedListeners;

    private final String owner = "owner-" + UUID.randomUUID();
    private final NoteWritten written = new NoteWritten(owner, "n1");
    private final NoteShared shared = new NoteShared(owner, "n1", "for analytics and EventBridge");

    @AfterEach
    void clearFaults() {
        faults().clearFaults();
    }

    @Test
    void anEventOfACommittedTransactionReachesItsListenerAndItsPublicationCompletes() {
        createNoteAndPublish("hello");

        await().untilAsserted(() -> assertThat(listener.received(owner)).containsExactly(written));
        await().untilAsserted(() -> assertThat(completed()).as("completed publication").isTrue());
        assertThat(incompleteOfOwner()).isZero();
        assertThat(storedNote()).doesNotContainKey(ItemWriter.OUTBOX_TX);
    }

    @Test
    void aRolledBackTransactionLeavesNeitherStateNorPublication() {
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "doomed"));
            events.publishEvent(written);
            throw new IllegalStateException("business rule failed");
        })).hasMessage("business rule failed");

        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
        // Nothing can reach the listener later: no publication to dispatch or retry, and no outbox for the sweeper
        // (whose period, app.dynamodb.outbox-sweep-interval, is longer than a test: it is run here).
        sweeper.sweepOlderThan(Duration.ZERO);
        assertThat(incompleteOfOwner()).isZero();
        assertThat(completed()).isFalse();
        assertThat(listener.received(owner)).isEmpty();
    }

    @Test
    void aTransactionThatOnlyPublishesWritesItsPublicationsDirectly() {
        transaction().executeWithoutResult(status -> events.publishEvent(written));

        await().untilAsserted(() -> assertThat(listener.received(owner)).containsExactly(written));
        await().untilAsserted(() -> assertThat(completed()).isTrue());
    }

    @Test
    void aCrashRightAfterAnEventOnlyTransactionStoredItsOutboxReachesNoListenerUntilTheSweeperRelaysThemAll() {
        List<String> refusedClaims = new CopyOnWriteArrayList<>();
        faults().failWhen(request -> {
            if (request instanceof UpdateItemRequest claim && claim.tableName().endsWith("event-publications")) {
                refusedClaims.add(claim.key().get("pk").s());
                return true;
            }
            return writeTo("event-publications").test(request);
        });

        String transactionId = transaction().execute(status -> {
            events.publishEvent(shared);
            return UnitOfWork.current().orElseThrow().transactionId();
        });

        Set<String> publications = publicationIdsInOutbox(transactionId);
        assertThat(publications).as("one publication per listener, stored together").hasSize(2);
        // As after a crash, the listeners' dispatch cannot claim a publication the registry never received.
        await().untilAsserted(() -> assertThat(refusedClaims).containsAll(publications));
        assertThat(sharedListeners.deliveries(owner)).isEmpty();
        faults().clearFaults();

        assertThat(sweeper.sweepOlderThan(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(publicationIdsInOutbox(transactionId)).as("the relayed outbox").isEmpty();
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent().equals(shared));

        await().untilAsserted(() -> assertThat(completedShared()).isEqualTo(2));
        assertThat(sharedListeners.deliveries(owner)).containsExactlyInAnyOrder("analytics", "delivery");
    }

    @Test
    void aCrashBetweenTheRegistryWritesOfAnEventOnlyTransactionStillReachesEveryListener() {
        AtomicInteger relayed = new AtomicInteger();
        faults().failWhen(request -> request instanceof PutItemRequest put
                && put.tableName().endsWith("event-publications")
                && put.item().values().stream().anyMatch(value -> value.s() != null && value.s().contains(owner))
                && relayed.incrementAndGet() > 1);

        // The process dies at its second registry write: whatever the caller saw, it is not told anything.
        catchThrowable(() -> transaction().executeWithoutResult(status -> events.publishEvent(shared)));
        faults().clearFaults();
        sweeper.sweepOlderThan(Duration.ZERO);
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent().equals(shared));

        await().untilAsserted(() -> assertThat(sharedListeners.deliveries(owner)).contains("analytics", "delivery"));
    }

    @Test
    void aFailedOutboxWriteOfAnEventOnlyTransactionLeavesNoPublication() {
        faults().failWhen(request -> request instanceof PutItemRequest put && put.tableName().endsWith("platform")
                && put.item().containsKey(ItemWriter.OUTBOX_TX));

        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> events.publishEvent(shared)))
                .isInstanceOf(FaultInjectingDynamoDbClient.InjectedFault.class);
        faults().clearFaults();

        sweeper.sweepOlderThan(Duration.ZERO);
        assertThat(registry.findIncompletePublications().stream().filter(this::isShared)).isEmpty();
        assertThat(completedShared()).isZero();
        assertThat(sharedListeners.deliveries(owner)).isEmpty();
    }

    @Test
    void aCrashAtTheAggregateWriteLeavesNeitherStateNorPublication() {
        faults().failWhen(writeTo("test-notes"));

        assertThatThrownBy(() -> createNoteAndPublish("lost"))
                .isInstanceOf(FaultInjectingDynamoDbClient.InjectedFault.class);
        faults().clearFaults();

        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
        assertThat(incompleteOfOwner()).isZero();
        assertThat(sweeper.sweepOlderThan(Duration.ZERO)).isZero();
        assertThat(listener.received(owner)).isEmpty();
    }

    @Test
    void aCrashBeforeTheRelayKeepsTheEventInTheAggregateOutboxUntilTheSweeperRelaysIt() {
        faults().failWhen(writeTo("event-publications"));

        createNoteAndPublish("kept");

        assertThat(notes.find(Note.key(owner, "n1"))).as("the state change committed").isPresent();
        assertThat(storedNote()).containsKey(ItemWriter.OUTBOX_TX);
        List<String> publications = publicationsInOutbox();
        faults().clearFaults();

        assertThat(sweeper.sweepOlderThan(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(storedNote()).doesNotContainKey(ItemWriter.OUTBOX_TX);
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent().equals(written));

        await().untilAsserted(() -> assertThat(listener.received(owner)).contains(written));
        await().untilAsserted(() -> assertThat(registryStatuses(publications)).containsOnly("COMPLETED"));
        assertThat(incompleteOfOwner()).isZero();
    }

    @Test
    void anOutboxWrittenBeforeEventsWereStoredOnceIsStillRelayed() {
        faults().failWhen(writeTo("event-publications"));
        createNoteAndPublish("committed by the previous version");
        faults().clearFaults();
        Map<String, AttributeValue> note = new HashMap<>(storedNote());
        note.put(ItemWriter.OUTBOX, AttributeValue.fromL(ItemWriter.Outbox.registryItems(note.get(ItemWriter.OUTBOX))
                .stream().map(AttributeValue::fromM).toList()));
        client.putItem(request -> request.tableName(tables.physicalName("test-notes")).item(note));
        assertThat(incompleteOfOwner()).as("not relayed yet").isZero();
        List<String> publications = publicationsInOutbox();

        assertThat(sweeper.sweepOlderThan(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(storedNote()).doesNotContainKey(ItemWriter.OUTBOX_TX);
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent().equals(written));

        await().untilAsserted(() -> assertThat(registryStatuses(publications)).containsOnly("COMPLETED"));
        assertThat(listener.received(owner)).contains(written);
    }

    @Test
    void aWriteOverAnItemWithAPendingOutboxRelaysThatOutboxFirst() {
        faults().failWhen(writeTo("event-publications"));
        createNoteAndPublish("first");
        List<String> publications = publicationsInOutbox();
        faults().clearFaults();

        Note note = notes.find(Note.key(owner, "n1")).orElseThrow();
        note.setText("second");
        transaction().executeWithoutResult(status -> notes.save(note));

        assertThat(storedNote()).doesNotContainKey(ItemWriter.OUTBOX_TX);
        assertThat(storedNote().get("text").s()).isEqualTo("second");
        assertThat(registryStatuses(publications)).as("the first transaction's publication").hasSize(1)
                .doesNotContain("ABSENT");
    }

    private void createNoteAndPublish(String text) {
        transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", text));
            events.publishEvent(written);
        });
    }

    private long completedShared() {
        return registry.findCompletedPublications().stream().filter(this::isShared).count();
    }

    private boolean isShared(TargetEventPublication publication) {
        return publication.getEvent().equals(shared);
    }

    /**
     * The ids of the publications in the outbox of an event-only transaction, found as the sweeper finds it: through
     * the platform table's sparse outbox index. Empty once relayed.
     */
    private Set<String> publicationIdsInOutbox(String transactionId) {
        return ItemWriter.shards().stream()
                .flatMap(shard -> client.queryPaginator(request -> request
                        .tableName(tables.physicalName("platform"))
                        .indexName(ItemWriter.OUTBOX_INDEX)
                        .keyConditionExpression("#shard = :shard")
                        .filterExpression("#tx = :tx")
                        .expressionAttributeNames(Map.of("#shard", ItemWriter.OUTBOX_SHARD, "#tx", ItemWriter.OUTBOX_TX))
                        .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard),
                                ":tx", AttributeValue.fromS(transactionId))))
                        .items().stream())
                .flatMap(item -> publicationIds(item.get(ItemWriter.OUTBOX)))
                .collect(Collectors.toSet());
    }

    /** The registry keys ({@code pk}) anywhere in an outbox, whatever its layout. */
    private static Stream<String> publicationIds(AttributeValue value) {
        if (value.hasM()) {
            return value.m().entrySet().stream().flatMap(attribute -> attribute.getKey().equals("pk")
                    ? Stream.of(attribute.getValue().s()) : publicationIds(attribute.getValue()));
        }
        return value.hasL() ? value.l().stream().flatMap(TransactionalEventsTests::publicationIds) : Stream.empty();
    }

    private boolean completed() {
        return registry.findCompletedPublications().stream().anyMatch(this::ours);
    }

    /** The ids of the publications the note's pending outbox carries. */
    private List<String> publicationsInOutbox() {
        return ItemWriter.Outbox.registryItems(storedNote().get(ItemWriter.OUTBOX)).stream()
                .map(item -> item.get("pk").s()).toList();
    }

    /**
     * The publications' statuses as stored: a listener that completed before the sweeper relayed its publication
     * (the committing instance dispatches it although its relay failed) left a completion marker, which the relay
     * does not overwrite.
     */
    private List<String> registryStatuses(List<String> publications) {
        return publications.stream().map(id -> client.getItem(request -> request
                .tableName(tables.physicalName("event-publications")).key(Map.of("pk", AttributeValue.fromS(id)))
                .consistentRead(true)).item()).map(item -> item.isEmpty() ? "ABSENT" : item.get("status").s())
                .toList();
    }

    private long incompleteOfOwner() {
        return registry.findIncompletePublications().stream().filter(this::ours).count();
    }

    private boolean ours(TargetEventPublication publication) {
        return publication.getEvent() instanceof NoteWritten event && event.owner().equals(owner);
    }

    private Map<String, AttributeValue> storedNote() {
        return client.getItem(request -> request.tableName(tables.physicalName("test-notes"))
                .key(Map.of("owner", AttributeValue.fromS(owner), "id", AttributeValue.fromS("n1")))
                .consistentRead(true)).item();
    }

    private FaultInjectingDynamoDbClient faults() {
        return (FaultInjectingDynamoDbClient) client;
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }
}
