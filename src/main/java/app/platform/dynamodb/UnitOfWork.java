package app.platform.dynamodb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writes of one DynamoDB transaction, held back until commit: at most one aggregate item, and the event
 * publications the transaction created. A rolled-back transaction writes nothing.
 *
 * <p>At commit, publications travel in the aggregate item's outbox (one atomic write, see {@link ItemWriter}) and
 * are then relayed to the event registry. A transaction that writes no aggregate stores them the same way, in an
 * item of its own ({@link ItemWriter#transactionRecord}), so that all its publications are stored by one write before
 * any of them is relayed; with a single publication, writing it to the registry is that one write.
 *
 * <p>That one write must fit in one DynamoDB item: the aggregate and each event once. A transaction that would exceed
 * the limit is refused with {@link TransactionTooLarge} as soon as it writes the aggregate or publishes the event that
 * makes it too large, so it rolls back and nothing is written.
 */
public final class UnitOfWork {

    private final String transactionId = UUID.randomUUID().toString();
    private final ItemWriter writer;
    private final Clock clock;
    private PendingWrite pending;
    private final List<ItemWriter.Publication> publications = new ArrayList<>();
    private boolean rollbackOnly;

    UnitOfWork(ItemWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** The unit of work of the transaction active on this thread, if any. */
    public static Optional<UnitOfWork> current() {
        return Optional.ofNullable((UnitOfWork) TransactionSynchronizationManager.getResource(UnitOfWork.class));
    }

    /** Identifies this transaction, e.g. to stamp the aggregate it writes. */
    public String transactionId() {
        return transactionId;
    }

    /** Which item a write touches: the physical table and the item's primary key. */
    record AggregateRef(String table, Map<String, AttributeValue> key) {

        @Override
        public String toString() {
            return table + key;
        }
    }

    /** A write to apply at commit, and the item as it will be after it ({@code null} for a delete). */
    record PendingWrite(AggregateRef aggregate, Object itemAfter, ItemWrite write) {
    }

    /**
     * Adds an event publication (a registry item) to write at commit, with the aggregate or alone. The event
     * registry calls this when an event is published inside the transaction.
     *
     * @param eventAttribute the attribute of the item that holds the serialized event: the outbox stores it once for
     *     all the publications of the same event
     * @throws TransactionTooLarge if the transaction's item can no longer hold its aggregate and events
     */
    public void addPublication(Map<String, AttributeValue> publication, String eventAttribute) {
        List<ItemWriter.Publication> added = new ArrayList<>(publications);
        added.add(new ItemWriter.Publication(Map.copyOf(publication), eventAttribute));
        ensureFits(pending, added);
        publications.add(added.getLast());
    }

    /** The event publications (registry items) this transaction has created so far; they are written at commit. */
    public List<Map<String, AttributeValue>> publications() {
        return publications.stream().map(ItemWriter.Publication::item).toList();
    }

    void register(PendingWrite write) {
        if (pending != null && !pending.aggregate().equals(write.aggregate())) {
            throw new OneAggregatePerTransaction(pending.aggregate(), write.aggregate());
        }
        ensureFits(write, publications);
        pending = write;
    }

    /** What this transaction already wrote to an item, so that reads inside it see their own writes. */
    Optional<PendingWrite> pendingFor(AggregateRef aggregate) {
        return Optional.ofNullable(pending).filter(write -> write.aggregate().equals(aggregate));
    }

    void commit() {
        try {
            if (pending == null && publications.size() == 1) {
                writer.relayAlone(publications.getFirst());
            }
            else if (!publications.isEmpty()) {
                writer.apply(itemWrite(pending), transactionId, outbox(publications));
            }
            else if (pending != null) {
                writer.apply(pending.write(), transactionId);
            }
        }
        finally {
            discard();
        }
    }

    private void ensureFits(PendingWrite write, List<ItemWriter.Publication> publications) {
        if (write != null || !publications.isEmpty()) {
            writer.ensureFits(itemWrite(write), transactionId, publications.isEmpty() ? null : outbox(publications));
        }
    }

    /** The aggregate's write, or the transaction's own item when it only publishes events. */
    private ItemWrite itemWrite(PendingWrite write) {
        return write == null ? writer.transactionRecord(transactionId) : write.write();
    }

    private ItemWriter.Outbox outbox(List<ItemWriter.Publication> publications) {
        return new ItemWriter.Outbox(transactionId, List.copyOf(publications), clock.instant());
    }

    void discard() {
        pending = null;
        publications.clear();
    }

    void markRollbackOnly() {
        rollbackOnly = true;
    }

    boolean isRollbackOnly() {
        return rollbackOnly;
    }
}
