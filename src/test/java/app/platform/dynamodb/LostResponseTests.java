package app.platform.dynamodb;

import static app.platform.dynamodb.LostResponses.changeOf;
import static app.platform.dynamodb.LostResponses.putTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A write DynamoDB applied but whose response was lost: the SDK sends it again, and the retry meets the state its own
 * first attempt left. The caller must see success, the state must change once, and each event must be published and
 * delivered once.
 */
@PlatformIntegrationTest
class LostResponseTests {

    @Autowired
    LostResponses lostResponses;

    @Autowired
    Notes notes;

    @Autowired
    Tallies tallies;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    NoteWrittenListener listener;

    @Autowired
    NoteSharedListeners sharedListeners;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    private final String owner = "owner-" + UUID.randomUUID();
    private final NoteWritten written = new NoteWritten(owner, "n1");
    private final NoteShared shared = new NoteShared(owner, "n1", "for analytics and EventBridge");

    @AfterEach
    void clearFaults() {
        lostResponses.clear();
    }

    @Test
    void theSdkSendsARequestWhoseResponseWasLostAgain() {
        lostResponses.loseResponseOnce(putTo("test-notes", this::ofOwner));

        client.putItem(request -> request.tableName(tables.physicalName("test-notes")).item(Map.of(
                "owner", AttributeValue.fromS(owner), "id", AttributeValue.fromS("n1"),
                "text", AttributeValue.fromS("unconditional"))));

        assertThat(lostResponses.lost()).singleElement().isInstanceOf(PutItemRequest.class)
                .satisfies(request -> assertThat(lostResponses.transmissions(request)).as("sent again by the SDK")
                        .isEqualTo(2));
        assertThat(notes.find(Note.key(owner, "n1")).orElseThrow().getText()).isEqualTo("unconditional");
    }

    @Test
    void aCreateWhoseResponseWasLostSucceeds() {
        loseResponseOfNextWriteOfTheNote();

        notes.create(Note.of(owner, "n1", "created once"));

        assertResentOnce();
        Note stored = notes.find(Note.key(owner, "n1")).orElseThrow();
        assertThat(stored.getText()).isEqualTo("created once");
        assertThat(stored.getVersion()).isEqualTo(1L);
    }

    @Test
    void aVersionedSaveWhoseResponseWasLostSucceeds() {
        notes.create(Note.of(owner, "n1", "v1"));
        Note note = notes.find(Note.key(owner, "n1")).orElseThrow();
        note.setText("v2");
        loseResponseOfNextWriteOfTheNote();

        notes.save(note);

        assertResentOnce();
        Note stored = notes.find(Note.key(owner, "n1")).orElseThrow();
        assertThat(stored.getText()).isEqualTo("v2");
        assertThat(stored.getVersion()).isEqualTo(2L);
    }

    @Test
    void aCommitWithEventsWhoseResponseWasLostSucceedsAndPublishesOnce() {
        loseResponseOfNextWriteOfTheNote();

        transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "with an event"));
            events.publishEvent(written);
        });

        assertResentOnce();
        assertThat(notes.find(Note.key(owner, "n1"))).isPresent();
        assertDeliveredOnce();
    }

    @Test
    void aSaveWithEventsWhoseResponseWasLostSucceedsAndPublishesOnce() {
        notes.create(Note.of(owner, "n1", "v1"));
        Note note = notes.find(Note.key(owner, "n1")).orElseThrow();
        loseResponseOfNextWriteOfTheNote();

        transaction().executeWithoutResult(status -> {
            note.setText("v2");
            notes.save(note);
            events.publishEvent(written);
        });

        assertResentOnce();
        assertThat(notes.find(Note.key(owner, "n1")).orElseThrow().getVersion()).isEqualTo(2L);
        assertDeliveredOnce();
    }

    @Test
    void aDeleteWhoseResponseWasLostSucceeds() {
        notes.create(Note.of(owner, "n1", "bye"));
        lostResponses.loseResponseOnce(changeOf("test-notes", "owner", owner));

        notes.delete(Note.key(owner, "n1"));

        assertResentOnce();
        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
    }

    @Test
    void aDeleteWithEventsWhoseResponseWasLostSucceedsAndPublishesOnce() {
        notes.create(Note.of(owner, "n1", "bye"));
        loseResponseOfNextWriteOfTheNote();

        transaction().executeWithoutResult(status -> {
            notes.delete(Note.key(owner, "n1"));
            events.publishEvent(written);
        });

        assertResentOnce();
        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
        assertDeliveredOnce();
        await().untilAsserted(() -> assertThat(storedNote()).as("the tombstone, once relayed").isNullOrEmpty());
    }

    @Test
    void aTransactionThatOnlyPublishesWhoseOutboxResponseWasLostSucceedsAndPublishesOnce() {
        lostResponses.loseResponseOnce(putTo("platform", item -> item.containsKey(ItemWriter.OUTBOX_TX)
                && item.get(ItemWriter.OUTBOX).toString().contains(owner)));

        transaction().executeWithoutResult(status -> events.publishEvent(shared));

        assertResentOnce();
        await().untilAsserted(() -> assertThat(publications(shared)).as("completed publications").hasSize(2));
        sweeper.sweepOlderThan(Duration.ZERO);
        assertThat(publications(shared)).hasSize(2);
        assertThat(sharedListeners.deliveries(owner)).containsExactlyInAnyOrder("analytics", "delivery");
    }

    @Test
    void anUpdateWhoseResponseWasLostAppliesTheChangeOnce() {
        tallies.create(Tally.of(owner));
        lostResponses.loseResponseOnce(putTo("test-notes", this::ofOwner));

        Tally updated = tallies.update(Tally.key(owner), Tally::increment).orElseThrow();

        assertResentOnce();
        assertThat(updated.getCount()).isEqualTo(1);
        Tally stored = tallies.find(Tally.key(owner)).orElseThrow();
        assertThat(stored.getCount()).isEqualTo(1);
        assertThat(stored.getVersion()).isEqualTo(2L);
    }

    @Test
    void anUpdateWithEventsWhoseResponseWasLostAppliesTheChangeAndPublishesOnce() {
        notes.create(Note.of(owner, "n1", "v1"));
        loseResponseOfNextWriteOfTheNote();

        notes.update(Note.key(owner, "n1"), note -> {
            note.setText(note.getText() + "+");
            events.publishEvent(written);
        });

        assertResentOnce();
        assertThat(notes.find(Note.key(owner, "n1")).orElseThrow().getText()).isEqualTo("v1+");
        assertDeliveredOnce();
    }

    @Test
    void aLostResponseIsRecognisedEvenWhenAnotherWriterChangedTheItemBeforeTheRetry() {
        notes.create(Note.of(owner, "n1", "v1"));
        Note note = notes.find(Note.key(owner, "n1")).orElseThrow();
        note.setText("mine");
        // Between the lost response and the SDK's retry, another writer reads what this one wrote and changes it.
        lostResponses.loseResponseOnce(putTo("test-notes", item -> ofOwner(item) && "mine".equals(item.get("text").s())),
                () -> CompletableFuture.runAsync(() -> notes.update(Note.key(owner, "n1"),
                        theirs -> theirs.setText(theirs.getText() + ", then theirs"))).join());

        notes.save(note);

        assertResentOnce();
        Note stored = notes.find(Note.key(owner, "n1")).orElseThrow();
        assertThat(stored.getText()).isEqualTo("mine, then theirs");
        assertThat(stored.getVersion()).isEqualTo(3L);
    }

    private void loseResponseOfNextWriteOfTheNote() {
        lostResponses.loseResponseOnce(putTo("test-notes", this::ofOwner));
    }

    private boolean ofOwner(Map<String, AttributeValue> item) {
        return item.containsKey("owner") && owner.equals(item.get("owner").s());
    }

    private void assertResentOnce() {
        assertThat(lostResponses.lost()).as("requests whose response was lost").singleElement()
                .satisfies(request -> assertThat(lostResponses.transmissions(request)).isEqualTo(2));
    }

    /** The listener got the event once, and the registry holds one publication of it, completed. */
    private void assertDeliveredOnce() {
        await().untilAsserted(() -> assertThat(publications(written)).as("completed publications").hasSize(1));
        sweeper.sweepOlderThan(Duration.ZERO);
        assertThat(publications(written)).hasSize(1);
        assertThat(listener.received(owner)).containsExactly(written);
    }

    /** The ids of the publications of this event, completed ones only once no incomplete one is left. */
    private Set<UUID> publications(Object event) {
        Set<UUID> incomplete = new HashSet<>();
        registry.findIncompletePublications().stream().filter(publication -> publication.getEvent().equals(event))
                .map(TargetEventPublication::getIdentifier).forEach(incomplete::add);
        Set<UUID> all = new HashSet<>(incomplete);
        registry.findCompletedPublications().stream().filter(publication -> publication.getEvent().equals(event))
                .map(TargetEventPublication::getIdentifier).forEach(all::add);
        return incomplete.isEmpty() ? all : Set.of();
    }

    private Map<String, AttributeValue> storedNote() {
        return client.getItem(request -> request.tableName(tables.physicalName("test-notes"))
                .key(Map.of("owner", AttributeValue.fromS(owner), "id", AttributeValue.fromS("n1")))
                .consistentRead(true)).item();
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }
}
