package app.platform.dynamodb;

import java.time.Instant;
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
 */
public final class UnitOfWork {

    private final String transactionId = UUID.randomUUID().toString();
    private PendingWrite pending;
    private final List<Map<String, AttributeValue>> publications = new ArrayList<>();
    private boolean rollbackOnly;

    UnitOfWork() {
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
     */
    public void addPublication(Map<String, AttributeValue> publication) {
        publications.add(Map.copyOf(publication));
    }

    void register(PendingWrite write) {
        if (pending != null && !pending.aggregate().equals(write.aggregate())) {
            throw new OneAggregatePerTransaction(pending.aggregate(), write.aggregate());
        }
        pending = write;
    }

    /** What this transaction already wrote to an item, so that reads inside it see their own writes. */
    Optional<PendingWrite> pendingFor(AggregateRef aggregate) {
        return Optional.ofNullable(pending).filter(write -> write.aggregate().equals(aggregate));
    }

    void commit(ItemWriter writer, Instant now) {
        try {
            if (pending == null && publications.size() == 1) {
                writer.relayAlone(publications.getFirst());
            }
            else if (!publications.isEmpty()) {
                ItemWrite write = pending == null ? writer.transactionRecord(transactionId) : pending.write();
                writer.apply(write, new ItemWriter.Outbox(transactionId, List.copyOf(publications), now));
            }
            else if (pending != null) {
                writer.apply(pending.write());
            }
        }
        finally {
            discard();
        }
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
