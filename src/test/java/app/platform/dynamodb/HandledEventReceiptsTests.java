package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** Where receipts live, how long, and that DynamoDB deletes them once expired. */
class HandledEventReceiptsTests {

    private static final Map<String, AttributeValue> KEY = Map.of("owner", AttributeValue.fromS("u1"),
            "id", AttributeValue.fromS("tally"));

    @Test
    void aReceiptIsKeyedByTheAggregatesTableAndKeyAndTheEvent() {
        assertThat(HandledEventReceipts.key("app-notes", KEY, "e1")).isEqualTo(
                HandledEventReceipts.key("app-notes", Map.of("id", AttributeValue.fromS("tally"),
                        "owner", AttributeValue.fromS("u1")), "e1"));
        assertThat(HandledEventReceipts.key("app-notes", KEY, "e1"))
                .isNotEqualTo(HandledEventReceipts.key("app-notes", KEY, "e2"))
                .isNotEqualTo(HandledEventReceipts.key("app-other", KEY, "e1"))
                .isNotEqualTo(HandledEventReceipts.key("app-notes", Map.of("owner", AttributeValue.fromS("u2"),
                        "id", AttributeValue.fromS("tally")), "e1"));
    }

    @Test
    void theReceiptsTableDeclaresTheirExpiryAsItsTimeToLive() {
        JsonNode platform = TableDefinitions.load().stream()
                .filter(table -> table.logicalName().equals(ItemWriter.TRANSACTIONS_TABLE)).findFirst().orElseThrow()
                .properties();

        assertThat(platform.path("TimeToLiveSpecification").path("AttributeName").asString())
                .isEqualTo(HandledEventReceipts.EXPIRES_AT);
        assertThat(platform.path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();
    }

    @Test
    void receiptsAreKeptAtLeastADay() {
        assertThatThrownBy(() -> new DynamoDbSettings("app-", true, "x".repeat(32), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(23)))
                .hasMessageContaining("app.dynamodb.handled-retention");
    }
}
