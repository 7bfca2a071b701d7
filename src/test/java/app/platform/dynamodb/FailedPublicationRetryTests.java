package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;
import app.platform.events.EventRegistrySettings;
import app.platform.events.PublicationStatuses;
import app.platform.events.FailedPublicationRetrier;

/**
 * Failed listener invocations are retried until they succeed or exhaust their attempts (3 in tests); an exhausted one
 * stays failed but leaves the retrier's lookup.
 */
@PlatformIntegrationTest
class FailedPublicationRetryTests {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    TallyListener listener;

    @Autowired
    Tallies tallies;

    @Autowired
    FailedPublicationRetrier retrier;

    @Autowired
    EventRegistrySettings settings;

    @Test
    void aListenerThatFailsOnceSucceedsOnTheNextRetry() {
        TallyIncremented event = publish("flaky-" + UUID.randomUUID());
        await().untilAsserted(() -> assertThat(statuses(event)).containsExactly(Status.FAILED));

        retryFailed();

        await().untilAsserted(() -> assertThat(statuses(event)).containsExactly(Status.COMPLETED));
        assertThat(tallies.find(Tally.key(event.owner())).orElseThrow().getCount()).isOne();
        assertThat(listener.deliveries(event.owner())).isEqualTo(2);
    }

    @Test
    void oneRetryRunDrainsABacklogOfSeveralBatches() {
        String run = "flaky-backlog-" + UUID.randomUUID() + "-";
        List<TallyIncremented> backlog = IntStream.range(0, 250).mapToObj(i -> publish(run + i)).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(PublicationStatuses.of(registry,
                publication -> publication.getEvent() instanceof TallyIncremented tally
                        && tally.owner().startsWith(run))).hasSize(backlog.size()).containsOnly(Status.FAILED));

        int resubmitted = retrier.retryFailed();

        assertThat(resubmitted).as("more than the 100 of one batch").isGreaterThanOrEqualTo(backlog.size());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(backlog).allSatisfy(event ->
                assertThat(tallies.find(Tally.key(event.owner())).map(Tally::getCount)).contains(1)));
    }

    @Test
    void aListenerThatKeepsFailingStopsBeingRetriedAfterItsAttemptsAndStaysVisible() {
        TallyIncremented event = publish("failing-" + UUID.randomUUID());
        for (int attempt = 1; attempt <= 3; attempt++) {
            int delivered = attempt;
            await().untilAsserted(() -> assertThat(listener.deliveries(event.owner())).isEqualTo(delivered));
            await().untilAsserted(() -> assertThat(statuses(event)).containsExactly(Status.FAILED));
            retryFailed();
        }

        // The last retry ran (the test drives the retrier; its schedule, app.events.retry-interval, is an hour
        // here) and claimed nothing: a resubmission is claimed before it is dispatched, so none is under way.
        assertThat(settings.retryInterval()).isGreaterThan(Duration.ofMinutes(5));
        assertThat(statuses(event)).containsExactly(Status.FAILED);
        assertThat(registry.findFailedPublications(EventPublicationRepository.FailedCriteria.ALL))
                .as("exhausted: out of the retry window")
                .noneMatch(publication -> publication.getEvent().equals(event));
        assertThat(registry.findByStatus(Status.FAILED).stream()
                .filter(publication -> publication.getEvent().equals(event))
                .map(EventPublication::getCompletionAttempts)).containsExactly(3);
        assertThat(listener.deliveries(event.owner())).as("no fourth attempt").isEqualTo(3);
        registry.deletePublications(registry.findIncompletePublications().stream()
                .filter(publication -> publication.getEvent().equals(event))
                .map(EventPublication::getIdentifier).toList());
    }

    private TallyIncremented publish(String owner) {
        TallyIncremented event = new TallyIncremented(UUID.randomUUID(), owner);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
        return event;
    }

    private void retryFailed() {
        retrier.retryFailed();
    }

    private List<Status> statuses(TallyIncremented event) {
        return PublicationStatuses.of(registry, publication -> publication.getEvent().equals(event));
    }
}
