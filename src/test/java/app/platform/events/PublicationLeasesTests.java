package app.platform.events;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.DynamoDbTables;
import app.platform.dynamodb.FaultInjectingDynamoDbClient;
import app.platform.dynamodb.SortableTime;
import app.platform.time.MovableClock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import tools.jackson.databind.JsonNode;

/**
 * A claimed publication is held under a lease that counts from the claim and is renewed while its listener runs: a
 * listener that runs long (an AI generation) is neither failed nor run a second time elsewhere, and one whose
 * instance died is retried once its lease expired. Time is moved with the application's {@link MovableClock}; the
 * renewal and the sweep of expired leases are called here instead of waiting for their schedule.
 */
@PlatformIntegrationTest
class PublicationLeasesTests {

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbEventPublicationRepository registry;

    @Autowired
    StalePublicationSweeper sweeper;

    @Autowired
    FailedPublicationRetrier retrier;

    @Autowired
    SlowListener listener;

    @Autowired
    EventRegistrySettings settings;

    @Autowired
    MovableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    @Autowired
    EventSerializer serializer;

    @Autowired
    MeterRegistry meters;

    private final String run = "lease-" + UUID.randomUUID();

    @AfterEach
    void finishTheRun() {
        faults().clearFaults();
        listener.finish(run);
    }

    @Test
    void theCommittingInstanceRelaysItsPublicationClaimedUnderALeaseFromNow() {
        Instant now = clock.stop();

        UUID id = publishAndAwaitItsListener();

        Map<String, AttributeValue> item = item(id);
        assertThat(item.get("status").s()).isEqualTo("PROCESSING");
        assertThat(item).containsKey("leaseUntil");
        assertThat(item.get("leaseUntil").s()).isEqualTo(SortableTime.format(now.plus(settings.lease())));
        assertThat(item.get("statusSort").s()).as("sorted by the lease's expiry")
                .isEqualTo(SortableTime.format(now.plus(settings.lease())) + "#" + id);
    }

    @Test
    void aListenerRunningLongerThanTheLeaseKeepsItWhileItsInstanceRenewsIt() {
        UUID id = publishAndAwaitItsListener();
        DynamoDbEventPublicationRepository otherInstance = anotherInstance();
        clock.stop();

        // Ten minutes: twice Spring Modulith's former staleness limit, five leases.
        for (int minute = 1; minute <= 10; minute++) {
            clock.advance(Duration.ofMinutes(1));
            registry.renewLeases();
            sweeper.sweep();
            otherInstance.findIncompletePublications();
            assertThat(otherInstance.markResubmitted(id, clock.instant()))
                    .as("claimed by another instance after %d minutes", minute).isFalse();
            assertThat(status(id)).as("after %d minutes", minute).isEqualTo("PROCESSING");
        }
        retrier.retryFailed();
        listener.finish(run);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("COMPLETED"));
        assertThat(listener.deliveries(run)).isOne();
    }

    @Test
    void aRenewalThatFailsIsTriedAgainAndNeverReachesTheListener() {
        Instant start = clock.stop();
        UUID id = publishAndAwaitItsListener();
        faults().failWhen(request -> request instanceof UpdateItemRequest update
                && update.updateExpression().startsWith("SET #leaseUntil"));

        clock.advance(Duration.ofMinutes(1));
        registry.renewLeases();
        assertThat(item(id).get("leaseUntil").s()).as("not renewed")
                .isEqualTo(SortableTime.format(start.plus(settings.lease())));
        faults().clearFaults();
        registry.renewLeases();
        assertThat(item(id).get("leaseUntil").s()).as("renewed at the next round")
                .isEqualTo(SortableTime.format(clock.instant().plus(settings.lease())));
        listener.finish(run);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("COMPLETED"));
        assertThat(listener.deliveries(run)).isOne();
    }

    @Test
    void aClaimWhoseInstanceStoppedRenewingExpiresAndIsRetriedOnceOnAnotherInstance() {
        listener.finish(run);
        clock.stop();
        DynamoDbEventPublicationRepository stoppedInstance = anotherInstance();
        UUID id = stoppedInstance.create(TargetEventPublication.of(new SlowProbe(run), SlowListener.ID,
                clock.instant())).getIdentifier();
        stoppedInstance.markProcessing(id);

        clock.advance(settings.lease().minusSeconds(1));
        sweeper.sweep();
        retrier.retryFailed();
        assertThat(status(id)).as("within the lease").isEqualTo("PROCESSING");

        double expiredBefore = expiredLeases();
        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();
        assertThat(status(id)).as("once the lease expired").isEqualTo("FAILED");
        assertThat(expiredLeases()).isEqualTo(expiredBefore + 1);
        retrier.retryFailed();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("COMPLETED"));
        retrier.retryFailed();
        sweeper.sweep();
        assertThat(listener.deliveries(run)).isOne();
    }

    @Test
    void aListenerThatHangsPastTheMaximumProcessingTimeIsNoLongerRenewedAndIsTakenOver() {
        listener.finish(run);
        clock.stop();
        DynamoDbEventPublicationRepository hungInstance = anotherInstance();
        UUID id = hungInstance.create(TargetEventPublication.of(new SlowProbe(run), SlowListener.ID,
                clock.instant())).getIdentifier();
        hungInstance.markProcessing(id);
        Instant givenUp = clock.instant().plus(settings.maxProcessing());

        while (clock.instant().isBefore(givenUp)) {
            clock.advance(settings.lease().dividedBy(2));
            hungInstance.renewLeases();
            sweeper.sweep();
            assertThat(status(id)).as("at %s", clock.instant()).isEqualTo("PROCESSING");
        }
        clock.advance(settings.lease().plusSeconds(1));
        hungInstance.renewLeases();
        sweeper.sweep();

        assertThat(status(id)).isEqualTo("FAILED");
    }

    @Test
    void theActuatorLeavesAPublicationWhoseLeaseHoldsAndResubmitsItOnceItExpired() {
        listener.finish(run);
        clock.stop();
        DynamoDbEventPublicationRepository otherInstance = anotherInstance();
        UUID id = otherInstance.create(TargetEventPublication.of(new SlowProbe(run), SlowListener.ID,
                clock.instant())).getIdentifier();
        otherInstance.markProcessing(id);

        assertThat(resubmitProcessing().path("running").asInt()).isPositive();
        assertThat(status(id)).isEqualTo("PROCESSING");
        assertThat(attempts(id)).isOne();
        assertThat(listener.deliveries(run)).isZero();

        clock.advance(settings.lease().plusSeconds(1));
        resubmitProcessing();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("COMPLETED"));
        assertThat(attempts(id)).isEqualTo(2);
        assertThat(listener.deliveries(run)).isOne();
    }

    /** Publishes the run's probe in a transaction and waits until its listener runs; its publication's id. */
    private UUID publishAndAwaitItsListener() {
        SlowProbe probe = new SlowProbe(run);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(probe));
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.deliveries(run) == 1);
        return registry.findByStatus(Status.PROCESSING).stream()
                .filter(publication -> ((StoredPublication) publication).eventType().equals(SlowProbe.class.getName()))
                .filter(publication -> publication.getEvent().equals(probe))
                .map(TargetEventPublication::getIdentifier)
                .findFirst().orElseThrow();
    }

    private JsonNode resubmitProcessing() {
        return send("POST", "http://localhost:" + port + "/actuator/eventpublications",
                "{\"status\": \"PROCESSING\"}").body();
    }

    private double expiredLeases() {
        return meters.counter("app.events.leases", "outcome", "expired").count();
    }

    /** A registry instance on the same tables, as another application instance sharing them would run. */
    private DynamoDbEventPublicationRepository anotherInstance() {
        return RegistryInstances.sharing(client, tables, serializer, settings, clock, CompletionMode.UPDATE);
    }

    private FaultInjectingDynamoDbClient faults() {
        return (FaultInjectingDynamoDbClient) client;
    }

    private Map<String, AttributeValue> item(UUID id) {
        return client.getItem(request -> request.tableName(tables.physicalName(EventRegistryConfiguration.TABLE))
                .key(Map.of(PublicationItems.ID, AttributeValue.fromS(id.toString()))).consistentRead(true)).item();
    }

    private String status(UUID id) {
        return item(id).get("status").s();
    }

    private int attempts(UUID id) {
        return Integer.parseInt(item(id).get("completionAttempts").n());
    }
}
