package app.platform.dynamodb;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writes of one DynamoDB transaction, held back until commit. A transaction writes at most one aggregate item;
 * a rolled-back transaction writes nothing.
 */
public final class UnitOfWork {

    private final String transactionId = UUID.randomUUID().toString();
    private PendingWrite pending;
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
    record PendingWrite(AggregateRef aggregate, Object itemAfter, Runnable apply) {
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

    void commit() {
        if (pending != null) {
            pending.apply().run();
        }
        pending = null;
    }

    void discard() {
        pending = null;
    }

    void markRollbackOnly() {
        rollbackOnly = true;
    }

    boolean isRollbackOnly() {
        return rollbackOnly;
    }
}
