package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import app.platform.time.MovableClock;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * A listener's effect applies once per event however many events its aggregate handles between a delivery and its
 * redelivery (a bulk job sends hundreds to one aggregate within the registry's retry delay).
 *
 * <p>The deliveries are made the way the registry makes them, minus the registry: {@code @ApplicationModuleListener}
 * runs the listener in a transaction of its own through the DynamoDB transaction manager, and so does
 * {@link #deliver}. The registry's own writes (publication, claim, completion) never touch the aggregate, and one
 * delivery after the other is the case where the most events commit on the aggregate before the duplicate.
 */
@PlatformIntegrationTest
class HandledEventsTests {

    private static final int BULK = 500;

    @Autowired
    TallyListener listener;

    @Autowired
    Tallies tallies;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    private final String owner = "bulk-" + UUID.randomUUID();
    private final List<SdkRequest> receiptRequests = new CopyOnWriteArrayList<>();

    @AfterEach
    void clearFaults() {
        faults().clearFaults();
    }

    @Test
    void aLateDuplicateOfTheFirstOfFiveHundredEventsIsNotAppliedAgain() {
        List<TallyIncremented> bulk = IntStream.range(0, BULK)
                .mapToObj(i -> new TallyIncremented(UUID.randomUUID(), owner)).toList();
        bulk.forEach(this::deliver);
        assertThat(count()).isEqualTo(BULK);

        deliver(bulk.getFirst());

        assertThat(count()).as("after a redelivery of the first event").isEqualTo(BULK);
    }

    @Test
    void anAggregateWhoseItemHoldsAllItsEventsReadsAndWritesNoReceipt() {
        List<TallyIncremented> events = IntStream.range(0, Aggregate.REMEMBERED_EVENTS)
                .mapToObj(i -> new TallyIncremented(UUID.randomUUID(), owner)).toList();
        countReceiptRequests();

        events.forEach(this::deliver);
        deliver(events.getFirst());

        assertThat(count()).isEqualTo(Aggregate.REMEMBERED_EVENTS);
        assertThat(receiptRequests).isEmpty();
    }

    @Test
    void receiptsWrittenByATransactionThatRolledBackClaimOnlyEventsTheAggregateHad() {
        List<TallyIncremented> events = IntStream.range(0, Aggregate.REMEMBERED_EVENTS)
                .mapToObj(i -> new TallyIncremented(UUID.randomUUID(), owner)).toList();
        events.forEach(this::deliver);
        TallyIncremented next = new TallyIncremented(UUID.randomUUID(), owner);
        countReceiptRequests();

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            listener.count(next);
            throw new IllegalStateException("the listener fails after its change");
        })).hasMessage("the listener fails after its change");
        assertThat(receiptRequests).as("receipts written before the rolled-back write")
                .hasAtLeastOneElementOfType(BatchWriteItemRequest.class);

        deliver(next);
        deliver(events.getFirst());

        assertThat(count()).isEqualTo(Aggregate.REMEMBERED_EVENTS + 1);
    }

    @Test
    void aReceiptPastItsExpiryCountsAsAbsentThoughStillStored() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        MovableClock clock = MovableClock.stoppedAt(now);
        HandledEventReceipts receipts = new HandledEventReceipts(client, tables.physicalName("platform"), clock,
                Duration.ofDays(8));
        Tally tally = Tally.of(owner);
        List<String> stored = IntStream.range(0, Aggregate.REMEMBERED_EVENTS + 1)
                .mapToObj(i -> UUID.randomUUID().toString()).toList();
        tally.setHandledEvents(stored);
        Map<String, AttributeValue> key = Map.of("owner", AttributeValue.fromS(owner),
                "id", AttributeValue.fromS("tally"));
        UUID first = UUID.fromString(stored.getFirst());

        receipts.spill(tally, "test-notes", key);

        assertThat(tally.hasHandledInline(first)).isFalse();
        assertThat(receipts.hasHandled(tally, "test-notes", key, first)).isTrue();
        clock.advance(Duration.ofDays(8));
        assertThat(storedReceipt("test-notes", key, first)).as("no time-to-live in the local engine").isNotEmpty();
        assertThat(receipts.hasHandled(tally, "test-notes", key, first)).isFalse();
    }

    private void deliver(TallyIncremented event) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> listener.count(event));
    }

    /** Records the requests to the receipts' table, failing none. */
    private void countReceiptRequests() {
        String platform = tables.physicalName("platform");
        faults().failWhen(request -> {
            boolean receipt = switch (request) {
                case GetItemRequest get -> get.tableName().equals(platform)
                        && get.key().get("pk").s().startsWith("handled#");
                case BatchWriteItemRequest batch -> batch.requestItems().containsKey(platform);
                default -> false;
            };
            if (receipt) {
                receiptRequests.add(request);
            }
            return false;
        });
    }

    private Map<String, AttributeValue> storedReceipt(String table, Map<String, AttributeValue> key, UUID eventId) {
        return client.getItem(request -> request.tableName(tables.physicalName("platform"))
                .key(HandledEventReceipts.key(table, key, eventId.toString())).consistentRead(true)).item();
    }

    private FaultInjectingDynamoDbClient faults() {
        return (FaultInjectingDynamoDbClient) client;
    }

    private int count() {
        return tallies.find(Tally.key(owner)).map(Tally::getCount).orElse(0);
    }
}
