package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.Application;
import app.platform.PlatformIntegrationTest;
import app.platform.events.PublicationStatuses;
import app.platform.events.FailedPublicationRetrier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Two application instances sharing one registry (the same tables on the same engine) resubmit the same failed
 * publications at the same moment: each publication runs once, on one of them.
 */
@PlatformIntegrationTest
class TwoInstancesTests {

    private static final int PUBLICATIONS = 20;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    FailedPublicationRetrier retrier;

    @Autowired
    TallyListener listener;

    @Autowired
    Tallies tallies;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    private ConfigurableApplicationContext secondInstance;

    @Autowired
    DynamoDbClient client;

    @AfterEach
    void stopSecondInstance() {
        ((FaultInjectingDynamoDbClient) client).clearFaults();
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void racingResubmissionsOnTwoInstancesRunEachPublicationOnce() {
        PublicationTargetIdentifier tallyListener = tallyListenerId();
        String run = "shared-" + UUID.randomUUID();
        secondInstance = new SpringApplicationBuilder(Application.class).profiles("test").run("--server.port=0",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        FailedPublicationRetrier secondRetrier = secondInstance.getBean(FailedPublicationRetrier.class);
        TallyListener secondListener = secondInstance.getBean(TallyListener.class);
        secondRetrier.retryFailed();
        retrier.retryFailed();
        List<TallyIncremented> failed = IntStream.range(0, PUBLICATIONS)
                .mapToObj(i -> new TallyIncremented(UUID.randomUUID(), run + "-" + i)).toList();
        failed.forEach(event -> registry.markFailed(registry.create(TargetEventPublication.of(event, tallyListener))
                .getIdentifier()));

        // Completions are slow on both instances, so a publication one instance claimed is still incomplete while the
        // other one goes through the same list of failed publications.
        slowCompletions(client);
        slowCompletions(secondInstance.getBean(DynamoDbClient.class));
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            instances.submit(() -> retryAfter(start, retrier));
            instances.submit(() -> retryAfter(start, secondRetrier));
            start.countDown();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(failed)
                .allSatisfy(event -> assertThat(status(event)).isEqualTo(Status.COMPLETED)));
        assertThat(failed).allSatisfy(event -> {
            assertThat(listener.deliveries(event.owner()) + secondListener.deliveries(event.owner()))
                    .as("deliveries of %s on both instances", event.owner()).isOne();
            assertThat(tallies.find(Tally.key(event.owner())).orElseThrow().getCount()).isOne();
        });
    }

    private static void slowCompletions(DynamoDbClient client) {
        ((FaultInjectingDynamoDbClient) client).slowDown(request -> request instanceof UpdateItemRequest update
                && update.updateExpression().contains("#completedAt = :at"), Duration.ofSeconds(1));
    }

    private PublicationTargetIdentifier tallyListenerId() {
        TallyIncremented probe = new TallyIncremented(UUID.randomUUID(), "probe-" + UUID.randomUUID());
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(probe));
        return await().until(() -> registry.findCompletedPublications().stream()
                .filter(publication -> publication.getEvent().equals(probe))
                .map(TargetEventPublication::getTargetIdentifier)
                .findFirst().orElse(null), identifier -> identifier != null);
    }

    private Status status(TallyIncremented event) {
        return PublicationStatuses.of(registry, publication -> publication.getEvent().equals(event)).stream()
                .findFirst().orElse(null);
    }

    private static void retryAfter(CountDownLatch start, FailedPublicationRetrier retrier) {
        try {
            start.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        retrier.retryFailed();
    }
}
