package app.platform.dynamodb;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB is up when the platform's own table can be described within the health timeout. */
class DynamoDbHealthIndicator extends AbstractHealthIndicator {

    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final DynamoDbSettings settings;

    DynamoDbHealthIndicator(DynamoDbClient client, DynamoDbTables tables, DynamoDbSettings settings) {
        super("DynamoDB health check failed");
        this.client = client;
        this.tables = tables;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String table = tables.physicalName("platform");
        var status = client.describeTable(request -> request.tableName(table)
                .overrideConfiguration(config -> config.apiCallTimeout(settings.healthTimeout())))
                .table().tableStatus();
        builder.up().withDetail("table", table).withDetail("tableStatus", status.toString());
    }
}
