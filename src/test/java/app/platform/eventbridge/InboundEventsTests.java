package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.PlatformTransactionManager;

import app.platform.PlatformIntegrationTest;
import app.platform.eventbridge.InboundEvents.Outcome;
import app.platform.events.PublicationStatuses;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** EventBridge in: an event as Lambda or SQS delivers it reaches this deployment's listeners once. */
@PlatformIntegrationTest
class InboundEventsTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    NoteArchivedListener listener;

    @Autowired
    EventBridgeEntries entries;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventPublicationRepository registry;

    private final String owner = "owner-" + UUID.randomUUID();
    private final NoteArchived archived = new NoteArchived(UUID.randomUUID(), owner, "from elsewhere");

    @Test
    void anInboundEventReachesTheListenersOfThisDeployment() {
        assertThat(inbound.receive(envelope(archived))).isEqualTo(Outcome.DELIVERED);

        await().untilAsserted(() -> assertThat(listener.received(owner)).containsExactly(archived));
    }

    @Test
    void aDuplicateDeliveryHasNoSecondEffect() {
        String envelope = envelope(archived);

        assertThat(inbound.receive(envelope)).isEqualTo(Outcome.DELIVERED);
        int published = publicationsOf(archived).size();
        assertThat(inbound.receive(envelope)).isEqualTo(Outcome.DUPLICATE);

        assertThat(publicationsOf(archived)).as("the duplicate published nothing to dispatch or retry")
                .hasSize(published);
        await().untilAsserted(() -> assertThat(listener.received(owner)).containsExactly(archived));
    }

    @Test
    void malformedUnknownOrInconsistentEventsAreRejectedCountedAndHaveNoEffect() {
        double rejectedBefore = rejected();

        assertRejected("{not json", "not JSON");
        assertRejected(envelope(archived).replace("test.note.archived", "test.note.unknown"),
                "unknown detail-type 'test.note.unknown'");
        assertRejected(envelope(archived).replace("\"source\":\"app.platform\"", "\"source\":\"app.studio\""),
                "comes from app.platform, not from app.studio");
        assertRejected(envelope(archived).replace(archived.eventId().toString(), "not-a-uuid"),
                "detail.eventId is not a UUID");

        assertThat(rejected() - rejectedBefore).isEqualTo(4);
        assertThat(publicationsOf(archived)).as("nothing published to dispatch or retry").isEmpty();
        assertThat(listener.received(owner)).isEmpty();
    }

    @Test
    void anEventFromAModuleOfThisDeploymentWasDeliveredInProcessAndIsIgnored(@Autowired ExternalizedEventTypes types,
            @Autowired JsonMapper json, @Autowired InboundReceipts receipts,
            @Autowired ApplicationEventPublisher events, @Autowired PlatformTransactionManager transactions,
            @Autowired ListenerCompletion completion) {
        InboundEvents platformDeployment = new InboundEvents(types, json, receipts, events, transactions,
                Set.of("app.platform"), completion, new InboundEventSettings(false, Duration.ofMinutes(1),
                        Duration.ofSeconds(1)), meters, Clock.systemUTC());

        assertThat(platformDeployment.receive(envelope(archived))).isEqualTo(Outcome.IGNORED_LOCAL_SOURCE);
        assertThat(publicationsOf(archived)).as("nothing published to dispatch or retry").isEmpty();
        assertThat(listener.received(owner)).isEmpty();
    }

    private void assertRejected(String envelope, String reason) {
        assertThatThrownBy(() -> inbound.receive(envelope))
                .isInstanceOf(RejectedInboundEvent.class)
                .hasMessageContaining(reason);
    }

    /** The event's publications, incomplete and completed: every delivery to a listener goes through one. */
    private List<Status> publicationsOf(NoteArchived event) {
        return PublicationStatuses.of(registry, publication -> publication.getEvent().equals(event));
    }

    private double rejected() {
        return meters.counter("app.events.inbound", "outcome", "rejected").count();
    }

    /** The event as EventBridge hands it to a Lambda function (or as the body of an SQS message). */
    private String envelope(NoteArchived event) {
        var entry = entries.entryFor("test.note.archived", event);
        return """
                {"version":"0","id":"%s","detail-type":"%s","source":"%s","account":"123456789012",\
                "time":"2026-11-27T10:00:00Z","region":"us-east-1","resources":[],"detail":%s}"""
                .formatted(UUID.randomUUID(), entry.detailType(), entry.source(), entry.detail());
    }
}
