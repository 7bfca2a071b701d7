package app.platform.dynamodb;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Events against DynamoDB's 400 KB item limit: the outbox stores each event once, however many listeners it has, and a
 * transaction whose item and events cannot fit in one item is refused before anything is written.
 */
@PlatformIntegrationTest
class LargeEventsTests {

    @LocalServerPort
    int port;

    @Autowired
    Notes notes;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    NoteSharedListeners listeners;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    private final String owner = "owner-" + UUID.randomUUID();

    @Test
    void anEventOverHalfTheItemLimitWithTwoListenersCommitsWithItsAggregateAndReachesEachListenerOnce() {
        // Two copies (one per listener) would be 440 KB; EventBridge takes entries up to 256 KB.
        NoteShared large = new NoteShared(owner, "n1", "e".repeat(220 * 1024));

        transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "short"));
            events.publishEvent(large);
        });

        assertThat(notes.find(Note.key(owner, "n1"))).isPresent();
        await().untilAsserted(() -> assertThat(registry.findCompletedPublications().stream()
                .filter(this::ours)).hasSize(2));
        assertThat(listeners.deliveries(owner)).containsExactlyInAnyOrder("analytics", "delivery");
    }

    @Test
    void aTransactionWhoseItemAndEventsCannotFitInOneItemIsRefusedWhenItPublishesAndWritesNothing() {
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "t".repeat(300 * 1024)));
            events.publishEvent(new NoteShared(owner, "n1", "e".repeat(150 * 1024)));
        })).isInstanceOf(TransactionTooLarge.class);

        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
        assertThat(registry.findIncompletePublications().stream().filter(this::ours)).isEmpty();
        assertThat(listeners.deliveries(owner)).isEmpty();
    }

    @Test
    void anEventTooLargeForAnyItemIsRefusedWithoutAnAggregateToo() {
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> events.publishEvent(
                new NoteShared(owner, "n1", "e".repeat(400 * 1024))))).isInstanceOf(TransactionTooLarge.class);

        assertThat(registry.findIncompletePublications().stream().filter(this::ours)).isEmpty();
        assertThat(listeners.deliveries(owner)).isEmpty();
    }

    @Test
    void theLocalEngineRefusesAnItemOverTheLimitAsDynamoDbDoes() {
        Map<String, AttributeValue> item = Map.of("owner", AttributeValue.fromS(owner), "id",
                AttributeValue.fromS("n1"), "text", AttributeValue.fromS("t".repeat(ItemSize.LIMIT)));

        assertThatThrownBy(() -> client.putItem(request -> request.tableName(tables.physicalName("test-notes"))
                .item(item))).isInstanceOf(DynamoDbException.class).hasMessageContaining("maximum allowed size");
    }

    @Test
    void aRequestWhoseItemAndEventsCannotFitInOneItemIsA422ProblemAndWritesNothing() {
        JsonResponse refused = send("PUT", url("/test/notes/" + owner + "/n1/shared?textKb=300&eventKb=150"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("type").asString()).isEqualTo("urn:problem-type:transaction-too-large");
        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
        assertThat(registry.findIncompletePublications().stream().filter(this::ours)).isEmpty();
        assertThat(listeners.deliveries(owner)).isEmpty();
    }

    private boolean ours(TargetEventPublication publication) {
        return publication.getEvent() instanceof NoteShared event && event.owner().equals(owner);
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
