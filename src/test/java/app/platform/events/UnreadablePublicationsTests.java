package app.platform.events;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.DynamoDbTables;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.time.MovableClock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/**
 * A publication whose event cannot be read (its class is one a newer version added, or its payload is corrupt) is
 * skipped and reported, and never keeps the other publications from being retried, resubmitted, failed when their
 * lease expired or listed.
 */
@PlatformIntegrationTest
class UnreadablePublicationsTests {

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbEventPublicationRepository registry;

    @Autowired
    StalePublicationSweeper sweeper;

    @Autowired
    EventRegistrySettings settings;

    @Autowired
    EventSerializer serializer;

    @Autowired
    MovableClock clock;

    @Autowired
    FailedPublicationRetrier retrier;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    private RegistryFixture publications;
    /** Publications claimed by another instance, which then stopped renewing their leases. */
    private RegistryFixture claimedByAStoppedInstance;
    private final Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void fixture() {
        publications = new RegistryFixture(registry, client, tables.physicalName(EventRegistryConfiguration.TABLE));
        claimedByAStoppedInstance = new RegistryFixture(RegistryInstances.sharing(client, tables, serializer, settings,
                clock, CompletionMode.UPDATE), client, tables.physicalName(EventRegistryConfiguration.TABLE));
    }

    @AfterEach
    void deletePublications() {
        publications.deleteAll();
        claimedByAStoppedInstance.deleteAll();
    }

    @Test
    void theRetrierResubmitsAReadableFailedPublicationBesideUnreadableOnes() {
        UUID unknownType = unknownType(publications.failed(twoHoursAgo, 1));
        UUID corrupt = corrupt(publications.failed(twoHoursAgo.plusMillis(1), 1));
        UUID readable = publications.failed(twoHoursAgo.plusMillis(2), 1);

        retrier.retryFailed();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications.attempts(readable))
                .isEqualTo(2));
        assertThat(publications.attempts(unknownType)).isOne();
        assertThat(publications.attempts(corrupt)).isOne();
        assertThat(get("/actuator/metrics/app.events.publications.unreadable").body().path("measurements").get(0)
                .path("value").asDouble()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theEndpointListsUnreadablePublicationsAndResubmitsTheReadableOnes() {
        UUID unknownType = unknownType(publications.failed(twoHoursAgo, 1));
        UUID corrupt = corrupt(publications.failed(twoHoursAgo.plusMillis(1), 1));
        UUID readable = publications.failed(twoHoursAgo.plusMillis(2), 1);

        JsonResponse report = get("/actuator/eventpublications");

        assertThat(report.status()).isEqualTo(200);
        Map<String, JsonNode> listed = StreamSupport.stream(report.body().path("oldest").spliterator(), false)
                .collect(Collectors.toMap(entry -> entry.path("id").asString(), Function.identity()));
        assertThat(listed).containsKeys(unknownType.toString(), corrupt.toString(), readable.toString());
        assertThat(listed.get(unknownType.toString()).path("eventType").asString())
                .isEqualTo("app.platform.events.AddedInALaterVersion");
        assertThat(listed.get(unknownType.toString()).path("unreadable").asString()).isNotBlank();
        assertThat(listed.get(corrupt.toString()).path("unreadable").asString()).isNotBlank();
        assertThat(listed.get(readable.toString()).path("unreadable").isNull()).isTrue();

        JsonResponse resubmission = send("POST", url("/actuator/eventpublications"), "{\"status\": \"FAILED\"}");

        assertThat(resubmission.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications.attempts(readable))
                .isEqualTo(2));
        assertThat(publications.attempts(unknownType)).isOne();
    }

    @Test
    void theSweepFailsPublicationsWhoseLeaseExpiredReadableOrNot() {
        clock.stop();
        UUID unknownType = unknownType(claimedByAStoppedInstance.processing(twoHoursAgo));
        UUID corrupt = corrupt(claimedByAStoppedInstance.processing(twoHoursAgo.plusMillis(1)));
        UUID readable = claimedByAStoppedInstance.processing(twoHoursAgo.plusMillis(2));

        clock.advance(settings.lease().plusSeconds(1));
        sweeper.sweep();

        assertThat(List.of(unknownType, corrupt, readable)).allSatisfy(id -> assertThat(publications.status(id))
                .isEqualTo("FAILED"));
    }

    private UUID unknownType(UUID id) {
        publications.overwrite(id, "eventType", "app.platform.events.AddedInALaterVersion");
        return id;
    }

    private UUID corrupt(UUID id) {
        publications.overwrite(id, "event", "{\"run\": ");
        return id;
    }

    private JsonResponse get(String path) {
        return send("GET", url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
