package app.platform.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a module's repository needs from the platform: its table, the client, the writer and the cursor codec. */
public final class DynamoDbPlatform {

    private final DynamoDbTables tables;
    private final DynamoDbClient client;
    private final ItemWriter writer;
    private final CursorCodec cursors;

    DynamoDbPlatform(DynamoDbTables tables, DynamoDbClient client, ItemWriter writer, CursorCodec cursors) {
        this.tables = tables;
        this.client = client;
        this.writer = writer;
        this.cursors = cursors;
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
}
