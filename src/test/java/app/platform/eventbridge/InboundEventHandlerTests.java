package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.FaultInjectingDynamoDbClient;
import com.amazonaws.services.lambda.runtime.Context;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lambda entry point of EventBridge in, invoked as Lambda invokes it: directly by a rule, or with SQS batches; as
 * the long-running application configures it, and as a Lambda function does, awaiting the listeners.
 */
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

    @Autowired
    NoteReviewListeners reviews;

    @Autowired
    ExternalizedEventTypes types;

    @Autowired
    InboundReceipts receipts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ListenerCompletion completion;

    @Autowired
    MeterRegistry meters;

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

    @Test
    void awaitingARuleInvocationAnswersOnlyOnceTheListenersHaveCompleted() throws IOException {
        NoteReviewed event = new NoteReviewed(UUID.randomUUID(), owner, 1000, 0);

        JsonNode response = invoke(awaiting(Duration.ofSeconds(30)), envelope(event), null);

        assertThat(response.path("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(reviews.reviewed(owner)).as("the effect of the listener that takes a second, once answered")
                .containsExactly(event);
        assertThat(reviews.notified(owner)).containsExactly(event);
    }

    @Test
    void awaitingAFailedListenerFailsTheInvocationAndTheRedeliveryRunsOnlyThatListenerAgain() throws IOException {
        NoteReviewed event = new NoteReviewed(UUID.randomUUID(), owner, 0, 1);
        String envelope = envelope(event);
        InboundEvents awaiting = awaiting(Duration.ofSeconds(30));

        assertThatThrownBy(() -> invoke(awaiting, envelope, null)).isInstanceOf(ListenersIncomplete.class)
                .hasMessageContaining("failed");
        assertThat(reviews.notified(owner)).isEmpty();

        assertThat(invoke(awaiting, envelope, null).path("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(reviews.notified(owner)).as("the failed listener ran again, and succeeded").containsExactly(event);
        assertThat(reviews.reviewed(owner)).as("the listener that had succeeded did not run again")
                .containsExactly(event);

        assertThat(invoke(awaiting, envelope, null).path("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(reviews.notifyAttempts(event)).as("a later delivery finds all done and runs nothing").isEqualTo(2);
    }

    @Test
    void awaitingAListenerThatAlwaysFailsFailsEveryInvocationEachAfterOneMoreAttempt() throws IOException {
        NoteReviewed event = new NoteReviewed(UUID.randomUUID(), owner, 0, Integer.MAX_VALUE);
        String envelope = envelope(event);
        InboundEvents awaiting = awaiting(Duration.ofSeconds(30));

        for (int delivery = 1; delivery <= 3; delivery++) {
            assertThatThrownBy(() -> invoke(awaiting, envelope, null)).isInstanceOf(ListenersIncomplete.class);
            assertThat(reviews.notifyAttempts(event)).isEqualTo(delivery);
        }
        assertThat(reviews.reviewed(owner)).containsExactly(event);
    }

    @Test
    void awaitingAnSqsRecordWhoseListenerFailedIsReportedAndSucceedsWhenItComesBack() throws IOException {
        NoteReviewed fine = new NoteReviewed(UUID.randomUUID(), owner, 0, 0);
        NoteReviewed unlucky = new NoteReviewed(UUID.randomUUID(), owner, 0, 1);
        InboundEvents awaiting = awaiting(Duration.ofSeconds(30));

        JsonNode response = invoke(awaiting, sqsBatch(record("m1", envelope(fine)), record("m2", envelope(unlucky))),
                null);

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asString()).isEqualTo("m2");
        assertThat(reviews.notified(owner)).containsExactly(fine);

        JsonNode again = invoke(awaiting, sqsBatch(record("m2", envelope(unlucky))), null);

        assertThat(again.path("batchItemFailures")).isEmpty();
        assertThat(reviews.notified(owner)).containsExactlyInAnyOrder(fine, unlucky);
        assertThat(reviews.reviewed(owner)).containsExactlyInAnyOrder(fine, unlucky);
    }

    @Test
    void awaitingAnInvocationOutOfTimeFailsAndTheRedeliveryWaitsForTheListenerStillRunning() throws IOException {
        NoteReviewed event = new NoteReviewed(UUID.randomUUID(), owner, 1500, 0);
        String envelope = envelope(event);
        InboundEvents awaiting = awaiting(Duration.ofSeconds(30));

        assertThatThrownBy(() -> invoke(awaiting, envelope, lambdaWithTimeLeft(Duration.ofMillis(1500))))
                .as("1.5 s left, less the margin of 1 s").isInstanceOf(ListenersIncomplete.class)
                .hasMessageContaining("did not complete within");
        assertThat(reviews.reviewed(owner)).isEmpty();

        assertThat(invoke(awaiting, envelope, null).path("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(reviews.reviewed(owner)).as("the running listener was waited for, not run a second time")
                .containsExactly(event);
    }

    @Test
    void awaitingTwoDeliveriesAtOnceBothAnswerOnceTheListenersRanOnce() throws Exception {
        NoteReviewed event = new NoteReviewed(UUID.randomUUID(), owner, 1000, 0);
        String envelope = envelope(event);
        InboundEvents awaiting = awaiting(Duration.ofSeconds(30));
        Callable<List<Object>> delivery = () -> {
            String outcome = invoke(awaiting, envelope, null).path("outcome").asString();
            return List.of(outcome, reviews.reviewed(owner).size());
        };

        List<List<Object>> answers;
        try (ExecutorService twoAtOnce = Executors.newFixedThreadPool(2)) {
            List<Future<List<Object>>> futures = twoAtOnce.invokeAll(List.of(delivery, delivery));
            answers = List.of(futures.get(0).get(), futures.get(1).get());
        }

        assertThat(answers).as("each answered once the effect was there")
                .containsExactlyInAnyOrder(List.of("DELIVERED", 1), List.of("DUPLICATE", 1));
        assertThat(reviews.reviewed(owner)).containsExactly(event);
    }

    private JsonNode invoke(String request) throws IOException {
        return invoke(inbound, request, null);
    }

    private static JsonNode invoke(InboundEvents inbound, String request, Context context) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new InboundEventHandler(() -> inbound).handleRequest(
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), output, context);
        return json.readTree(output.toString(StandardCharsets.UTF_8));
    }

    /** Inbound events as a Lambda function receives them: each invocation awaits the listeners it started. */
    private InboundEvents awaiting(Duration maxWait) {
        return new InboundEvents(types, json, receipts, events, transactions, Set.of(), completion,
                new InboundEventSettings(true, maxWait, Duration.ofSeconds(1)), meters, Clock.systemUTC());
    }

    /** The invocation's Lambda context, of which the handler reads the time left only. */
    private static Context lambdaWithTimeLeft(Duration timeLeft) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] { Context.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) timeLeft.toMillis();
                    case "getAwsRequestId" -> "request-1";
                    default -> null;
                });
    }

    private String envelope(Object event) {
        var entry = entries.entryFor(EventBridgeEntries.detailTypeOf(event.getClass()), event);
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
