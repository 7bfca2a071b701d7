package app.platform.dynamodb;

import org.springframework.transaction.PlatformTransactionManager;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a module's repository needs from the platform: its table, the client, the writer, the cursor codec, the
 * transactions its updates run in and the handled-event receipts.
 */
public final class DynamoDbPlatform {

    private final DynamoDbTables tables;
    private final DynamoDbClient client;
    private final ItemWriter writer;
    private final CursorCodec cursors;
    private final PlatformTransactionManager transactionManager;
    private final HandledEventReceipts receipts;

    DynamoDbPlatform(DynamoDbTables tables, DynamoDbClient client, ItemWriter writer, CursorCodec cursors,
            PlatformTransactionManager transactionManager, HandledEventReceipts receipts) {
        this.tables = tables;
        this.client = client;
        this.writer = writer;
        this.cursors = cursors;
        this.transactionManager = transactionManager;
        this.receipts = receipts;
    }

    public DynamoDbTables tables() {
        return tables;
    }

    DynamoDbClient client() {
        return client;
    }

    ItemWriter writer() {
        return writer;
    }

    CursorCodec cursors() {
        return cursors;
    }

    PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    HandledEventReceipts receipts() {
        return receipts;
    }
}
