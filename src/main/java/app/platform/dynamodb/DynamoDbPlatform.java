package app.platform.dynamodb;

/** What a module's repository needs from the platform: its table and the pagination cursor codec. */
public final class DynamoDbPlatform {

    private final DynamoDbTables tables;
    private final CursorCodec cursors;

    DynamoDbPlatform(DynamoDbTables tables, CursorCodec cursors) {
        this.tables = tables;
        this.cursors = cursors;
    }

    public DynamoDbTables tables() {
        return tables;
    }

    CursorCodec cursors() {
        return cursors;
    }
}
