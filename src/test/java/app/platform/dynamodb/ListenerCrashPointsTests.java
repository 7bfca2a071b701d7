package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import app.platform.events.PublicationStatuses;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Crash points after the commit: while clearing the outbox, while recording a listener's completion and while
 * claiming a publication for resubmission. In every case the event is neither lost nor duplicated in the registry,
 * and the listener's effect is applied once although the listener may run more than once.
 */
@PlatformIntegrationTest
class ListenerCrashPointsTests {

    @Autowired
    Notes notes;

    @Autowired
    Tallies tallies;

    @Autowired
    TallyListener listener;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    DynamoDbClient client;

    private final String owner = "owner-" + UUID.randomUUID();
    private final TallyIncremented event = new TallyIncremented(UUID.randomUUID(), owner);

    @AfterEach
    void clearFaults() {
        faults().clearFaults();
    }

    @Test
    void aCrashWhileClearingTheOutboxLeavesOnePublicationAndOneEffect() {
        faults().failWhen(update("test-notes", "REMOVE #outbox"));

        transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "with event"));
            events.publishEvent(event);
        });
        await().untilAsserted(() -> assertThat(statusesOfOurs()).containsExactly(Status.COMPLETED));
        faults().clearFaults();

        assertThat(sweeper.sweepOlderThan(Duration.ZERO)).isGreaterThanOrEqualTo(1);

        assertThat(statusesOfOurs()).containsExactly(Status.COMPLETED);
        assertThat(count()).isOne();
    }

    @Test
    void theCommittingInstanceClaimsItsPublicationsAsItRelaysThemSoNoSeparateClaimWriteIsNeeded() {
        faults().failWhen(update("event-publications", "#status = :status"));

        transaction().executeWithoutResult(status -> events.publishEvent(event));

        await().untilAsserted(() -> assertThat(statusesOfOurs()).containsExactly(Status.COMPLETED));
        assertThat(count()).isOne();
        assertThat(listener.deliveries(owner)).isOne();
    }

    @Test
    void aListenerWhoseCompletionIsLostRunsAgainOnResubmissionButAppliesItsEffectOnce() {
        faults().failWhen(update("event-publications", "#completedAt = :at"));

        transaction().executeWithoutResult(status -> events.publishEvent(event));
        await().untilAsserted(() -> assertThat(count()).isOne());
        await().untilAsserted(() -> assertThat(statusesOfOurs()).containsExactly(Status.PROCESSING));
        faults().clearFaults();

        incomplete.resubmitIncompletePublications(this::ours);

        await().untilAsserted(() -> assertThat(statusesOfOurs()).containsExactly(Status.COMPLETED));
        assertThat(listener.deliveries(owner)).isEqualTo(2);
        assertThat(count()).isOne();
    }

    @Test
    void aFailedResubmissionClaimLeavesThePublicationForTheNextResubmission() {
        faults().failWhen(update("event-publications", "#completedAt = :at"));
        transaction().executeWithoutResult(status -> events.publishEvent(event));
        await().untilAsserted(() -> assertThat(statusesOfOurs()).containsExactly(Status.PROCESSING));
        faults().clearFaults();
        faults().failWhen(update("event-publications", "#attempts = #attempts + :one"));

        assertThatThrownBy(() -> incomplete.resubmitIncompletePublications(this::ours))
                .isInstanceOf(FaultInjectingDynamoDbClient.InjectedFault.class);
        assertThat(statusesOfOurs()).containsExactly(Status.PROCESSING);
        faults().clearFaults();

        incomplete.resubmitIncompletePublications(this::ours);

        await().untilAsserted(() -> assertThat(statusesOfOurs()).containsExactly(Status.COMPLETED));
        assertThat(count()).isOne();
    }

    private int count() {
        return tallies.find(Tally.key(owner)).map(Tally::getCount).orElse(0);
    }

    private List<Status> statusesOfOurs() {
        return PublicationStatuses.of(registry, this::ours);
    }

    private boolean ours(org.springframework.modulith.events.EventPublication publication) {
        return publication.getEvent().equals(event);
    }

    private static Predicate<SdkRequest> update(String tableSuffix, String expressionPart) {
        return request -> request instanceof UpdateItemRequest update && update.tableName().endsWith(tableSuffix)
                && update.updateExpression().contains(expressionPart);
    }

    private FaultInjectingDynamoDbClient faults() {
        return (FaultInjectingDynamoDbClient) client;
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }
}
