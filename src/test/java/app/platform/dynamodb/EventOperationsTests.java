package app.platform.dynamodb;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import tools.jackson.databind.JsonNode;

/** What an operator sees of the event registry, and the resubmission they can ask for. */
@PlatformIntegrationTest
class EventOperationsTests {

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient client;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Tallies tallies;

    private final String owner = "owner-" + UUID.randomUUID();

    @AfterEach
    void clearFaults() {
        faults().clearFaults();
    }

    @Test
    void aPublicationStuckInProcessingIsListedMeasuredAndResubmittedOnRequest() {
        faults().failWhen(request -> request instanceof UpdateItemRequest update
                && update.tableName().endsWith("event-publications")
                && update.updateExpression().contains("#completedAt = :at"));
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> events.publishEvent(new TallyIncremented(UUID.randomUUID(), owner)));

        await().untilAsserted(() -> assertThat(stuckTallyPublications()).isEqualTo(1));
        JsonResponse report = get("/actuator/eventpublications");
        assertThat(report.body().path("processing").asLong()).isPositive();
        assertThat(metric("app.events.oldest.incomplete.age").path("measurements").get(0).path("value").asDouble())
                .isPositive();
        faults().clearFaults();

        JsonResponse resubmitted = send("POST", url("/actuator/eventpublications"),
                "{\"status\": \"PROCESSING\", \"olderThan\": \"0s\"}");

        assertThat(resubmitted.status()).isEqualTo(200);
        assertThat(resubmitted.body().path("selected").asInt()).isPositive();
        await().untilAsserted(() -> assertThat(stuckTallyPublications()).isZero());
        assertThat(tallies.find(Tally.key(owner)).orElseThrow().getCount()).isOne();
        assertThat(metric("app.events.publications?tag=outcome:retried").path("measurements").get(0).path("value")
                .asDouble()).isPositive();
    }

    @Test
    void anUnknownStatusOrDurationIsABadRequest() {
        assertThat(send("POST", url("/actuator/eventpublications"), "{\"status\": \"LOST\"}").status())
                .isEqualTo(400);
        assertThat(send("POST", url("/actuator/eventpublications"), "{\"olderThan\": \"soon\"}").status())
                .isEqualTo(400);
    }

    private long stuckTallyPublications() {
        JsonNode oldest = get("/actuator/eventpublications").body().path("oldest");
        return StreamSupport.stream(oldest.spliterator(), false)
                .filter(entry -> entry.path("eventType").asString().equals(TallyIncremented.class.getName()))
                .count();
    }

    private JsonNode metric(String nameAndQuery) {
        return get("/actuator/metrics/" + nameAndQuery).body();
    }

    private JsonResponse get(String path) {
        return send("GET", url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private FaultInjectingDynamoDbClient faults() {
        return (FaultInjectingDynamoDbClient) client;
    }
}
