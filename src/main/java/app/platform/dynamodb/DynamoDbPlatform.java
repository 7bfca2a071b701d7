package app.platform.dynamodb;

import org.springframework.transaction.PlatformTransactionManager;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a module's repository needs from the platform: its table, the client, the writer, the cursor codec and the
 * transactions its updates run in.
 */
public final class DynamoDbPlatform {

    private final DynamoDbTables tables;
    private final DynamoDbClient client;
    private final ItemWriter writer;
    private final CursorCodec cursors;
    private final PlatformTransactionManager transactionManager;

    DynamoDbPlatform(DynamoDbTables tables, DynamoDbClient client, ItemWriter writer, CursorCodec cursors,
            PlatformTransactionManager transactionManager) {
        this.tables = tables;
        this.client = client;
        this.writer = writer;
        this.cursors = cursors;
        this.transactionManager = transactionManager;
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
}
