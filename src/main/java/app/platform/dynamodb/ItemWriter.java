package app.platform.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Applies aggregate writes, with the transaction's outbox when it published events.
 *
 * <p>An item whose transaction published events carries them in its {@code outbox} attribute, written by the same
 * single-item request as the state change: that request is the transaction's atomic point. The outbox is then
 * relayed to the event registry and removed. Until it is removed no other write may replace the item: every write
 * is conditional on {@code attribute_not_exists(outboxTx)}, and a write that finds a pending outbox relays it first
 * and tries again. A crash before the removal leaves the item in the sparse {@code outbox} index, where the
 * {@link OutboxSweeper} finds it.
 *
 * <p>A transaction that publishes events without writing an aggregate stores its outbox in an item of its own, its
 * {@link #transactionRecord}, through the same path.
 *
 * <p>A response can be lost after DynamoDB applied the write (a connection reset); the SDK then sends the same request
 * again, and its condition fails on the state the first attempt left. So every put stamps the item with the id of the
 * transaction that wrote it ({@code writtenBy}, the last {@value #REMEMBERED_WRITERS} writers, carried on by each
 * writer that read them), and a writer whose condition failed on an item that carries its own transaction id, as a
 * writer or as its pending outbox, knows its write was applied: it reports success and relays its outbox as usual.
 */
public class ItemWriter {

    static final String OUTBOX = "outbox";
    static final String OUTBOX_TX = "outboxTx";
    static final String OUTBOX_SHARD = "outboxShard";
    static final String OUTBOX_AT = "outboxAt";
    static final String OUTBOX_INDEX = "outbox";
    /** Marks an item deleted by a transaction whose outbox is not relayed yet; readers treat it as absent. */
    static final String DELETED_AT = "deletedAt";
    /** The ids of the last transactions that wrote the item, oldest first. */
    static final String WRITTEN_BY = "writtenBy";
    /** How many writers an item remembers: enough for the writes that can come between a lost response and its retry. */
    static final int REMEMBERED_WRITERS = 8;
    /** The table of the items that carry the outbox of transactions without an aggregate. */
    static final String TRANSACTIONS_TABLE = "platform";
    private static final int OUTBOX_SHARDS = 4;
    private static final int PENDING_OUTBOX_RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(ItemWriter.class);

    private final DynamoDbClient client;
    private final OutboxRelay relay;
    private final String transactionsTable;

    ItemWriter(DynamoDbClient client, OutboxRelay relay, String transactionsTable) {
        this.client = client;
        this.relay = relay;
        this.transactionsTable = transactionsTable;
    }

    /**
     * The write of a transaction that publishes events but changes no aggregate: an item keyed by the transaction id
     * that exists only to carry the outbox. It takes the shape of a delete with events, a tombstone, so that once its
     * outbox is relayed (by the committing instance or the sweeper) the item is deleted.
     */
    ItemWrite transactionRecord(String transactionId) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("transaction#" + transactionId),
                "sk", AttributeValue.fromS("outbox"));
        return new ItemWrite(transactionsTable, key, null, null, false, List.of());
    }

    /**
     * Writes the only publication of a transaction that changes no aggregate straight to the registry: one write,
     * atomic by itself, so it needs no outbox item.
     */
    void relayAlone(Publication publication) {
        relay.relayForDispatch(List.of(publication.item()));
    }

    /** Applies a write without events, made by the transaction with this id. */
    void apply(ItemWrite write, String transactionId) {
        apply(write, transactionId, null);
    }

    /**
     * Applies a write of the transaction with this id; with an outbox, writes it atomically with the item, relays it
     * and removes it. A failure after the item write is logged, not thrown: the transaction has committed and the
     * sweeper finishes the relay.
     */
    void apply(ItemWrite write, String transactionId, Outbox outbox) {
        for (int attempt = 1; ; attempt++) {
            try {
                send(write, transactionId, outbox);
                break;
            }
            catch (ConditionalCheckFailedException failed) {
                Map<String, AttributeValue> current = failed.hasItem() && !failed.item().isEmpty() ? failed.item()
                        : currentItem(write);
                if (writtenBy(current, transactionId)) {
                    log.info("The write of transaction {} to {} was applied but its response was lost; it stands",
                            transactionId, write.table());
                    break;
                }
                if (!current.containsKey(OUTBOX_TX) || attempt > PENDING_OUTBOX_RETRIES) {
                    throw conflict(write, failed);
                }
                relayPending(write.table(), write.key(), current);
            }
        }
        if (outbox != null) {
            try {
                relay.relayForDispatch(outbox.registryItems());
                removeOutbox(write.table(), write.key(), outbox.transactionId(), write.isDelete());
            }
            catch (RuntimeException relayFailed) {
                log.warn("Transaction {} committed but its {} event publication(s) could not be relayed yet ({}); "
                        + "the outbox sweeper will relay them", outbox.transactionId(), outbox.publications().size(),
                        relayFailed.toString());
            }
        }
    }

    /** Relays and removes the outbox an item carries; used by writers that find one and by the sweeper. */
    void relayPending(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        AttributeValue outbox = item.get(OUTBOX);
        String transactionId = item.get(OUTBOX_TX).s();
        if (outbox != null) {
            relay.relay(Outbox.registryItems(outbox));
        }
        removeOutbox(table, key, transactionId, item.containsKey(DELETED_AT));
    }

    /**
     * Refuses a write whose item, with the outbox if any, would exceed DynamoDB's item size limit: the whole write
     * would fail, whenever it is tried.
     *
     * @throws TransactionTooLarge if it does not fit
     */
    void ensureFits(ItemWrite write, String transactionId, Outbox outbox) {
        int size = ItemSize.of(storedItem(write, transactionId, outbox));
        if (size > ItemSize.LIMIT) {
            throw new TransactionTooLarge(write.table(), write.key(), size);
        }
    }

    /** The item as stored, for engines that do not return it with a failed condition (dynalite). */
    private Map<String, AttributeValue> currentItem(ItemWrite write) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(write.table()).key(write.key())
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** Whether the item carries this transaction's write: as one of its writers, or as its pending outbox. */
    private static boolean writtenBy(Map<String, AttributeValue> item, String transactionId) {
        AttributeValue outboxTx = item.get(OUTBOX_TX);
        return outboxTx != null && transactionId.equals(outboxTx.s()) || writersOf(item).contains(transactionId);
    }

    /** The transactions that wrote the item last, oldest first, as a write must carry them on. */
    static List<String> writersOf(Map<String, AttributeValue> item) {
        AttributeValue writers = item.get(WRITTEN_BY);
        return writers == null || !writers.hasL() ? List.of() : writers.l().stream().map(AttributeValue::s).toList();
    }

    private void send(ItemWrite write, String transactionId, Outbox outbox) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#outboxTx", OUTBOX_TX);
        String noPendingOutbox = "attribute_not_exists(#outboxTx)";
        if (write.condition() != null) {
            names.putAll(write.condition().names());
            values.putAll(write.condition().values());
        }
        String condition = write.condition() == null ? noPendingOutbox
                : noPendingOutbox + " AND (" + write.condition().expression() + ")";
        if (write.isDelete() && outbox == null) {
            client.deleteItem(request -> request.tableName(write.table()).key(write.key())
                    .conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return;
        }
        Map<String, AttributeValue> item = storedItem(write, transactionId, outbox);
        client.putItem(request -> request.tableName(write.table()).item(item)
                .conditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /**
     * The item a put stores: the item after the write (a tombstone for a delete), its writers with this transaction
     * last, and the outbox.
     */
    private static Map<String, AttributeValue> storedItem(ItemWrite write, String transactionId, Outbox outbox) {
        Map<String, AttributeValue> item = new HashMap<>(write.isDelete() ? write.key() : write.item());
        List<String> writers = new ArrayList<>(write.earlierWriters());
        writers.remove(transactionId);
        writers.add(transactionId);
        item.put(WRITTEN_BY, AttributeValue.fromL(writers.subList(Math.max(0, writers.size() - REMEMBERED_WRITERS),
                writers.size()).stream().map(AttributeValue::fromS).toList()));
        if (outbox != null) {
            item.putAll(outbox.attributes(shardOf(write.key())));
            if (write.isDelete()) {
                item.put(DELETED_AT, AttributeValue.fromS(outbox.createdAt().toString()));
            }
        }
        return item;
    }

    private void removeOutbox(String table, Map<String, AttributeValue> key, String transactionId, boolean tombstone) {
        Map<String, String> names = Map.of("#outboxTx", OUTBOX_TX);
        Map<String, AttributeValue> values = Map.of(":tx", AttributeValue.fromS(transactionId));
        try {
            if (tombstone) {
                client.deleteItem(request -> request.tableName(table).key(key)
                        .conditionExpression("#outboxTx = :tx")
                        .expressionAttributeNames(names).expressionAttributeValues(values));
            }
            else {
                client.updateItem(request -> request.tableName(table).key(key)
                        .updateExpression("REMOVE #outbox, #outboxTx, #outboxShard, #outboxAt")
                        .conditionExpression("#outboxTx = :tx")
                        .expressionAttributeNames(Map.of("#outbox", OUTBOX, "#outboxTx", OUTBOX_TX,
                                "#outboxShard", OUTBOX_SHARD, "#outboxAt", OUTBOX_AT))
                        .expressionAttributeValues(values));
            }
        }
        catch (ConditionalCheckFailedException alreadyRemoved) {
            log.debug("Outbox of transaction {} in {} was already relayed", transactionId, table);
        }
    }

    private static RuntimeException conflict(ItemWrite write, ConditionalCheckFailedException failed) {
        return write.creating() ? new DuplicateItem(write.table(), write.key(), failed)
                : new StaleItem(write.table(), write.key(), failed);
    }

    private static String shardOf(Map<String, AttributeValue> key) {
        return Integer.toString(Math.floorMod(key.hashCode(), OUTBOX_SHARDS));
    }

    /** The shards of the sparse outbox index, for the sweeper. */
    static List<String> shards() {
        return IntStream.range(0, OUTBOX_SHARDS).mapToObj(Integer::toString).toList();
    }

    /**
     * An event publication as the registry stores it, one per event and listener, and the attribute of it that holds
     * the serialized event.
     */
    record Publication(Map<String, AttributeValue> item, String eventAttribute) {
    }

    /**
     * The event publications of one transaction, carried by its item until relayed.
     *
     * <p>The {@code outbox} attribute stores each serialized event once, however many listeners it has, and each
     * publication without its event but with the event's index: {@code {events: [<event>, ...], publications:
     * [{item: {<registry item without the event>}, eventAttribute: "<name>", event: <index>}, ...]}}. A registry item
     * holds one copy of its event, so an event fits the registry whenever the outbox fits its item. Outboxes written
     * before (a list of whole registry items, one copy of the event per listener) are still read.
     */
    record Outbox(String transactionId, List<Publication> publications, Instant createdAt) {

        private static final String EVENTS = "events";
        private static final String PUBLICATIONS = "publications";
        private static final String ITEM = "item";
        private static final String EVENT_ATTRIBUTE = "eventAttribute";
        private static final String EVENT = "event";

        Map<String, AttributeValue> attributes(String shard) {
            return Map.of(
                    OUTBOX, stored(),
                    OUTBOX_TX, AttributeValue.fromS(transactionId),
                    OUTBOX_SHARD, AttributeValue.fromS(shard),
                    OUTBOX_AT, AttributeValue.fromS(SortableTime.format(createdAt)));
        }

        /** The whole registry items, each with its event. */
        List<Map<String, AttributeValue>> registryItems() {
            return publications.stream().map(Publication::item).toList();
        }

        /** The whole registry items of a stored outbox, in either layout. */
        static List<Map<String, AttributeValue>> registryItems(AttributeValue outbox) {
            if (outbox.hasL()) {
                return outbox.l().stream().map(AttributeValue::m).toList();
            }
            List<AttributeValue> events = outbox.m().get(EVENTS).l();
            return outbox.m().get(PUBLICATIONS).l().stream().map(AttributeValue::m).map(publication -> {
                Map<String, AttributeValue> item = new HashMap<>(publication.get(ITEM).m());
                item.put(publication.get(EVENT_ATTRIBUTE).s(), events.get(Integer.parseInt(publication.get(EVENT).n())));
                return item;
            }).toList();
        }

        private AttributeValue stored() {
            List<AttributeValue> events = new ArrayList<>();
            List<AttributeValue> stored = new ArrayList<>();
            for (Publication publication : publications) {
                Map<String, AttributeValue> item = new HashMap<>(publication.item());
                AttributeValue event = item.remove(publication.eventAttribute());
                if (!events.contains(event)) {
                    events.add(event);
                }
                stored.add(AttributeValue.fromM(Map.of(
                        ITEM, AttributeValue.fromM(item),
                        EVENT_ATTRIBUTE, AttributeValue.fromS(publication.eventAttribute()),
                        EVENT, AttributeValue.fromN(Integer.toString(events.indexOf(event))))));
            }
            return AttributeValue.fromM(Map.of(EVENTS, AttributeValue.fromL(events),
                    PUBLICATIONS, AttributeValue.fromL(stored)));
        }
    }
}
