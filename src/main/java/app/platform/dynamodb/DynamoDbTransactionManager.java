package app.platform.dynamodb;

import java.time.Clock;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring transactions for DynamoDB: each transaction gets a {@link UnitOfWork} bound to the thread; repositories
 * register their write with it, and the write is applied at commit. Suspension ({@code REQUIRES_NEW}) unbinds the
 * unit of work and binds a fresh one.
 */
public class DynamoDbTransactionManager extends AbstractPlatformTransactionManager {

    private final ItemWriter writer;
    private final Clock clock;

    DynamoDbTransactionManager(ItemWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
        setNestedTransactionAllowed(false);
    }

    private static final class Transaction implements SmartTransactionObject {
        private UnitOfWork unitOfWork;

        private Transaction(UnitOfWork unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        @Override
        public boolean isRollbackOnly() {
            return unitOfWork != null && unitOfWork.isRollbackOnly();
        }

        @Override
        public void flush() {
            // Writes are applied at commit only.
        }
    }

    @Override
    protected Object doGetTransaction() {
        return new Transaction((UnitOfWork) TransactionSynchronizationManager.getResource(UnitOfWork.class));
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((Transaction) transaction).unitOfWork != null;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        UnitOfWork unitOfWork = new UnitOfWork(writer, clock);
        ((Transaction) transaction).unitOfWork = unitOfWork;
        TransactionSynchronizationManager.bindResource(UnitOfWork.class, unitOfWork);
    }

    @Override
    protected Object doSuspend(Object transaction) {
        ((Transaction) transaction).unitOfWork = null;
        return TransactionSynchronizationManager.unbindResource(UnitOfWork.class);
    }

    @Override
    protected void doResume(Object transaction, Object suspendedResources) {
        TransactionSynchronizationManager.bindResource(UnitOfWork.class, suspendedResources);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        unitOfWork(status).commit();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        unitOfWork(status).discard();
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        unitOfWork(status).markRollbackOnly();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TransactionSynchronizationManager.unbindResourceIfPossible(UnitOfWork.class);
        ((Transaction) transaction).unitOfWork = null;
    }

    private static UnitOfWork unitOfWork(DefaultTransactionStatus status) {
        return ((Transaction) status.getTransaction()).unitOfWork;
    }
}
