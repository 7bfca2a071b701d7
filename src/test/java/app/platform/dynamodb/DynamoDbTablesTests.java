package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.platform.PlatformIntegrationTest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Start-up checks of the declared tables against what the engine holds. */
@PlatformIntegrationTest
class DynamoDbTablesTests {

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbEnhancedClient enhancedClient;

    @Test
    void aTableCreatedBeforeAnIndexWasDeclaredStopsTheStartWithWhatToDo() {
        String prefix = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        client.createTable(request -> request.tableName(prefix + "platform")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute -> attribute.attributeName("pk").attributeType(ScalarAttributeType.S),
                        attribute -> attribute.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        key -> key.attributeName("pk").keyType(KeyType.HASH),
                        key -> key.attributeName("sk").keyType(KeyType.RANGE)));
        DynamoDbSettings settings = new DynamoDbSettings(prefix, true, "x".repeat(32), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(30));

        assertThatThrownBy(() -> new DynamoDbTables(client, enhancedClient, settings))
                .hasMessageContaining("Table " + prefix + "platform lacks the index(es) [gsi1, outbox]")
                .hasMessageContaining("delete the data folder");
    }
}
