package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.platform.PlatformIntegrationTest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Start-up checks of the declared tables against what the engine holds. */
@PlatformIntegrationTest
class DynamoDbTablesTests {

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbEnhancedClient enhancedClient;

    @Test
    void aLocalTableCreatedBeforeAnIndexWasDeclaredIsRebuiltWithTheIndexesAndKeepsItsItems() {
        String prefix = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        client.createTable(request -> request.tableName(prefix + "platform")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute -> attribute.attributeName("pk").attributeType(ScalarAttributeType.S),
                        attribute -> attribute.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        key -> key.attributeName("pk").keyType(KeyType.HASH),
                        key -> key.attributeName("sk").keyType(KeyType.RANGE)));
        await().until(() -> client.describeTable(request -> request.tableName(prefix + "platform")).table()
                .tableStatus() == TableStatus.ACTIVE);
        for (int i = 0; i < 3; i++) {
            String pk = "item-" + i;
            client.putItem(request -> request.tableName(prefix + "platform").item(Map.of(
                    "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("kept"),
                    "note", AttributeValue.fromS("written by an earlier version"))));
        }
        DynamoDbSettings settings = new DynamoDbSettings(prefix, true, "x".repeat(32), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofDays(8));

        new DynamoDbTables(client, enhancedClient, settings);

        assertThat(client.describeTable(request -> request.tableName(prefix + "platform")).table()
                .globalSecondaryIndexes()).extracting(index -> index.indexName())
                .containsExactlyInAnyOrder("gsi1", "outbox");
        assertThat(client.scan(request -> request.tableName(prefix + "platform")).items())
                .extracting(item -> item.get("note").s()).containsExactly("written by an earlier version",
                        "written by an earlier version", "written by an earlier version");
    }

    @Test
    void onlyAnEngineOnThisMachineCountsAsLocal() {
        assertThat(DynamoDbTables.isLocalEngine(Optional.of(URI.create("http://127.0.0.1:8000")))).isTrue();
        assertThat(DynamoDbTables.isLocalEngine(Optional.of(URI.create("http://localhost:8000")))).isTrue();
        assertThat(DynamoDbTables.isLocalEngine(Optional.of(URI.create("https://dynamodb.eu-west-1.amazonaws.com"))))
                .isFalse();
        assertThat(DynamoDbTables.isLocalEngine(Optional.empty())).as("the SDK's own AWS endpoint").isFalse();
    }
}
