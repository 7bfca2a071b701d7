package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import app.platform.PlatformIntegrationTest;
import app.platform.events.PublicationStatuses;
import app.platform.dynamodb.FaultInjectingDynamoDbClient;
import app.platform.events.FailedPublicationRetrier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * EventBridge out, end to end: an {@code @Externalized} event of a committed transaction reaches PutEvents (a test
 * double of its wire protocol) with our envelope, through a publication of its own in the registry.
 */
@PlatformIntegrationTest
class EventBridgeExternalizationTests {

    static final PutEventsTestDouble eventBridge = PutEventsTestDouble.start();

    @DynamicPropertySource
    static void eventBridge(DynamicPropertyRegistry properties) {
        properties.add("app.eventbridge.enabled", () -> "true");
        properties.add("app.eventbridge.endpoint", () -> eventBridge.endpoint().toString());
        properties.add("app.eventbridge.bus-name", () -> "content-platform");
        properties.add("app.eventbridge.max-attempts", () -> "2");
        properties.add("app.eventbridge.initial-backoff", () -> "10ms");
        properties.add("app.eventbridge.drain-timeout", () -> "300ms");
    }

    @AfterAll
    static void stopEventBridge() {
        eventBridge.close();
    }

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    FailedPublicationRetrier retrier;

    @Autowired
    DynamoDbClient client;

    @Autowired
    Tracer tracer;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    PutEventsBatcher batcher;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void clearFaults() {
        faults().clearFaults();
        eventBridge.release();
        eventBridge.refuse(entry -> false, 0);
        if (!batcher.isRunning()) {
            batcher.start();
        }
    }

    private FaultInjectingDynamoDbClient faults() {
        return (FaultInjectingDynamoDbClient) client;
    }

    private final String owner = "owner-" + UUID.randomUUID();

    @Test
    void anExternalizedEventOfACommittedTransactionIsSentWithItsSourceDetailTypeAndEnvelope() {
        NoteArchived archived = new NoteArchived(UUID.randomUUID(), owner, "hello");

        publish(archived);

        await().untilAsserted(() -> assertThat(sentForOwner()).hasSize(1));
        PutEventsTestDouble.Entry entry = sentForOwner().getFirst();
        assertThat(entry.source()).isEqualTo("app.platform");
        assertThat(entry.detailType()).isEqualTo("test.note.archived");
        assertThat(entry.busName()).isEqualTo("content-platform");
        assertThat(entry.detail().path("eventId").asString()).isEqualTo(archived.eventId().toString());
        assertThat(entry.detail().path("payload").path("text").asString()).isEqualTo("hello");
        await().untilAsserted(() -> assertThat(statuses(archived)).containsExactly(Status.COMPLETED));
    }

    @Test
    void anEventPublishedWithinATraceCarriesItAsAnXRayTraceHeader() {
        NoteArchived archived = new NoteArchived(UUID.randomUUID(), owner, "traced");
        // Observed work, as an HTTP request is: the externalization runs on another thread, after the commit.
        TraceContext trace = Observation.createNotStarted("archive note", observations).observe(() -> {
            publish(archived);
            return tracer.currentSpan().context();
        });

        await().untilAsserted(() -> assertThat(sentForOwner()).hasSize(1));
        String traceId = trace.traceId();
        assertThat(sentForOwner().getFirst().traceHeader()).startsWith("Root=1-" + traceId.substring(0, 8) + "-"
                + traceId.substring(8) + ";Parent=").matches(".*;Parent=[0-9a-f]{16};Sampled=[01]");
    }

    @Test
    void anEventSentAgainByTheRetrierCarriesTheTraceOfItsFirstSend() {
        eventBridge.refuse(entry -> entry.path("Detail").asString().contains(owner), 2);
        NoteArchived archived = new NoteArchived(UUID.randomUUID(), owner, "traced, refused twice");
        TraceContext trace = Observation.createNotStarted("archive note", observations).observe(() -> {
            publish(archived);
            return tracer.currentSpan().context();
        });
        await().untilAsserted(() -> assertThat(statuses(archived)).containsExactly(Status.FAILED));

        retrier.retryFailed();

        await().untilAsserted(() -> assertThat(sentForOwner()).hasSize(1));
        List<PutEventsTestDouble.Entry> attempts = eventBridge.attempts(entry -> ownedHere(entry));
        assertThat(attempts).hasSize(3);
        String root = "Root=1-" + trace.traceId().substring(0, 8) + "-" + trace.traceId().substring(8) + ";";
        assertThat(attempts).allSatisfy(entry -> assertThat(entry.traceHeader()).startsWith(root)
                .endsWith(";Sampled=" + (Boolean.TRUE.equals(trace.sampled()) ? "1" : "0")));
        assertThat(attempts).extracting(entry -> entry.detail().path("eventId").asString())
                .containsOnly(archived.eventId().toString());
    }

    @Test
    void aStopWhileEventBridgeIsSlowLeavesTheUnsentPublicationsFailedNotClaimed() {
        eventBridge.hold();
        List<NoteArchived> archived = List.of(new NoteArchived(UUID.randomUUID(), owner, "one"),
                new NoteArchived(UUID.randomUUID(), owner, "two"), new NoteArchived(UUID.randomUUID(), owner, "three"));
        archived.forEach(this::publish);
        await().until(() -> meters.get("app.eventbridge.queue.depth").gauge().value() == 3);

        batcher.stop(); // as the closing context does

        // Marked failed by the stop itself: no lease left to expire, no sweep needed.
        assertThat(archived).allSatisfy(event -> assertThat(statuses(event)).containsExactly(Status.FAILED));
        eventBridge.release();
        batcher.start();
        retrier.retryFailed();
        await().untilAsserted(() -> assertThat(archived)
                .allSatisfy(event -> assertThat(statuses(event)).containsExactly(Status.COMPLETED)));
        assertThat(sentForOwner()).extracting(entry -> entry.detail().path("eventId").asString())
                .containsOnly(archived.stream().map(event -> event.eventId().toString()).toArray(String[]::new));
    }

    @Test
    void inAPartialFailureOnlyThePublicationOfTheRefusedEventFails() {
        eventBridge.refuse(entry -> entry.path("Detail").asString().contains("refused, " + owner), Integer.MAX_VALUE);
        NoteArchived refused = new NoteArchived(UUID.randomUUID(), owner, "refused, " + owner);
        NoteArchived accepted = new NoteArchived(UUID.randomUUID(), owner, "accepted");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            events.publishEvent(refused);
            events.publishEvent(accepted);
        });

        await().untilAsserted(() -> assertThat(statuses(refused)).containsExactly(Status.FAILED));
        await().untilAsserted(() -> assertThat(statuses(accepted)).containsExactly(Status.COMPLETED));
        assertThat(sentForOwner()).extracting(entry -> entry.detail().path("eventId").asString())
                .containsExactly(accepted.eventId().toString());
    }

    @Test
    void anEventEventBridgeKeepsRefusingIsAFailedPublicationUntilResubmitted() {
        eventBridge.refuse(entry -> entry.path("Detail").asString().contains(owner), 2);
        NoteArchived archived = new NoteArchived(UUID.randomUUID(), owner, "refused twice");

        publish(archived);

        await().untilAsserted(() -> assertThat(statuses(archived)).containsExactly(Status.FAILED));
        assertThat(sentForOwner()).isEmpty();
        retrier.retryFailed();
        await().untilAsserted(() -> assertThat(statuses(archived)).containsExactly(Status.COMPLETED));
        assertThat(sentForOwner()).hasSize(1);
    }

    @Test
    void aCrashAfterEventBridgeAcceptedAnEventSendsItAgainWithTheSameEventIdForConsumersToDeduplicate() {
        faults().failWhen(request -> request instanceof UpdateItemRequest update
                && update.tableName().endsWith("event-publications")
                && update.updateExpression().contains("#completedAt = :at"));
        NoteArchived archived = new NoteArchived(UUID.randomUUID(), owner, "sent, completion lost");

        publish(archived);
        await().untilAsserted(() -> assertThat(sentForOwner()).hasSize(1));
        await().untilAsserted(() -> assertThat(statuses(archived)).containsExactly(Status.FAILED));
        faults().clearFaults();
        retrier.retryFailed();

        await().untilAsserted(() -> assertThat(statuses(archived)).containsExactly(Status.COMPLETED));
        assertThat(sentForOwner()).hasSize(2)
                .extracting(entry -> entry.detail().path("eventId").asString())
                .containsOnly(archived.eventId().toString());
    }

    @Test
    void anEventTooLargeForEventBridgeFailsItsTransactionWithAClearError() {
        NoteArchived huge = new NoteArchived(UUID.randomUUID(), owner, "x".repeat(300 * 1024));

        assertThatThrownBy(() -> publish(huge))
                .isInstanceOf(EventTooLargeForEventBridge.class)
                .hasMessageContaining("test.note.archived")
                .hasMessageContaining("at most 262144");

        // Only publications' events are sent; the failed transaction left none, so nothing can be sent later.
        assertThat(PublicationStatuses.of(registry, publication -> publication.getEvent().equals(huge))).isEmpty();
        assertThat(sentForOwner()).isEmpty();
    }

    private void publish(NoteArchived event) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
    }

    private List<PutEventsTestDouble.Entry> sentForOwner() {
        return eventBridge.accepted().stream().filter(this::ownedHere).toList();
    }

    private boolean ownedHere(PutEventsTestDouble.Entry entry) {
        return entry.detail().path("payload").path("owner").asString().equals(owner);
    }

    /** The statuses of the event's publication to the EventBridge externalizer (other listeners may have theirs). */
    private List<Status> statuses(NoteArchived event) {
        return PublicationStatuses.of(registry, publication -> publication.getEvent().equals(event)
                && publication.getTargetIdentifier().getValue().contains("Externalizer"));
    }
}
