package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.FaultInjectingDynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Lambda entry point of EventBridge in, invoked as Lambda invokes it: directly by a rule, or with SQS batches. */
@PlatformIntegrationTest
class InboundEventHandlerTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventBridgeEntries entries;

    @Autowired
    NoteArchivedListener listener;

    @Autowired
    DynamoDbClient client;

    private final String owner = "owner-" + UUID.randomUUID();

    @AfterEach
    void clearFaults() {
        ((FaultInjectingDynamoDbClient) client).clearFaults();
    }

    @Test
    void aRuleInvokingTheFunctionWithAnEventGetsItsOutcome() throws IOException {
        NoteArchived event = new NoteArchived(UUID.randomUUID(), owner, "direct");

        assertThat(invoke(envelope(event)).path("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(invoke("{\"detail-type\":\"nobody.knows\"}").path("outcome").asString()).isEqualTo("REJECTED");

        await().untilAsserted(() -> assertThat(listener.received(owner)).containsExactly(event));
    }

    @Test
    void anSqsBatchReportsOnlyTheMessagesThatFailedTransientlySoThatOnlyTheyComeBack() throws IOException {
        NoteArchived delivered = new NoteArchived(UUID.randomUUID(), owner, "delivered");
        NoteArchived unlucky = new NoteArchived(UUID.randomUUID(), owner, "storage failed");
        ((FaultInjectingDynamoDbClient) client).failWhen(request -> request instanceof PutItemRequest put
                && put.item().containsKey("pk") && put.item().get("pk").s().contains(unlucky.eventId().toString()));

        JsonNode response = invoke(sqsBatch(
                record("m1", envelope(delivered)), record("m2", "not an event"), record("m3", envelope(unlucky))));

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asString()).isEqualTo("m3");
        await().untilAsserted(() -> assertThat(listener.received(owner)).containsExactly(delivered));
    }

    private JsonNode invoke(String request) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new InboundEventHandler(() -> inbound).handleRequest(
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), output, null);
        return json.readTree(output.toString(StandardCharsets.UTF_8));
    }

    private String envelope(NoteArchived event) {
        var entry = entries.entryFor("test.note.archived", event);
        return json.writeValueAsString(java.util.Map.of("version", "0", "id", UUID.randomUUID().toString(),
                "detail-type", entry.detailType(), "source", entry.source(), "account", "123456789012",
                "time", "2026-11-27T10:00:00Z", "region", "us-east-1", "resources", java.util.List.of(),
                "detail", json.readTree(entry.detail())));
    }

    private static String record(String messageId, String body) {
        return json.writeValueAsString(java.util.Map.of("messageId", messageId, "body", body,
                "eventSource", "aws:sqs"));
    }

    private static String sqsBatch(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }
}
