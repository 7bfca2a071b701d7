package app.platform.events;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/**
 * Publications that failed as often as {@code app.events.max-attempts} allows (3 in tests) leave the retrier's way:
 * however many there are, newer failed publications are still retried, and an operator sees and resubmits them.
 */
@PlatformIntegrationTest
class ExhaustedPublicationsTests {

    private static final int MAX_ATTEMPTS = 3;

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbEventPublicationRepository registry;

    @Autowired
    FailedPublicationRetrier retrier;

    @Autowired
    DynamoDbClient client;

    @Autowired
    DynamoDbTables tables;

    private RegistryFixture publications;
    private final Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void fixture() {
        publications = new RegistryFixture(registry, client, tables.physicalName(EventRegistryConfiguration.TABLE));
    }

    @AfterEach
    void deletePublications() {
        publications.deleteAll();
    }

    @Test
    void aFailedPublicationIsRetriedBehindMoreThanABatchOfExhaustedOlderOnes() {
        IntStream.range(0, 101).forEach(i -> publications.failed(longAgo.plusMillis(i), MAX_ATTEMPTS));
        UUID newer = publications.failed(Instant.now().minusSeconds(60), 1);

        retrier.retryFailed();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications.attempts(newer)).isEqualTo(2));
    }

    @Test
    void aPublicationWhoseListenerFailsAgainAtOnceIsRetriedOncePerRunNotUntilExhausted() {
        List<UUID> failing = IntStream.range(0, 3).mapToObj(i -> publications.failed(longAgo.plusMillis(i), 1))
                .toList();

        retrier.retryFailed();

        assertThat(failing).allSatisfy(id -> assertThat(publications.attempts(id)).isEqualTo(2));
    }

    @Test
    void exhaustedPublicationsAreListedMeasuredAndReportedInHealth() {
        List<UUID> exhausted = List.of(publications.failed(longAgo, MAX_ATTEMPTS),
                publications.failed(longAgo.plusMillis(1), MAX_ATTEMPTS));
        UUID retriable = publications.failed(longAgo.plusMillis(2), 1);

        JsonNode report = get("/actuator/eventpublications");
        assertThat(report.path("exhausted").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(statusOf(report, exhausted.getFirst())).isEqualTo("EXHAUSTED");
        assertThat(statusOf(report, exhausted.getLast())).isEqualTo("EXHAUSTED");
        assertThat(statusOf(report, retriable)).isEqualTo("FAILED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("/actuator/metrics/app.events.publications.exhausted").path("measurements").get(0)
                    .path("value").asDouble()).isGreaterThanOrEqualTo(2);
            JsonNode health = get("/actuator/health/eventPublications");
            assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
            assertThat(health.path("details").path("exhausted").asInt()).isGreaterThanOrEqualTo(2);
        });
        assertThat(get("/actuator/health").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void anOperatorResubmitsExhaustedPublicationsWhichGetOneMoreAttempt() {
        UUID exhausted = publications.failed(longAgo, MAX_ATTEMPTS);
        UUID retriable = publications.failed(longAgo.plusMillis(1), 1);

        JsonNode resubmission = send("POST", url("/actuator/eventpublications"), "{\"status\": \"EXHAUSTED\"}")
                .body();

        assertThat(resubmission.path("selected").asInt()).isPositive();
        // The listener fails again: one more attempt, then exhausted again.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(publications.attempts(exhausted)).isEqualTo(MAX_ATTEMPTS + 1);
            assertThat(statusOf(get("/actuator/eventpublications"), exhausted)).isEqualTo("EXHAUSTED");
        });
        assertThat(publications.attempts(retriable)).isOne();
    }

    private static String statusOf(JsonNode report, UUID id) {
        return StreamSupport.stream(report.path("oldest").spliterator(), false)
                .filter(entry -> entry.path("id").asString().equals(id.toString()))
                .map(entry -> entry.path("status").asString())
                .findFirst().orElse("not listed");
    }

    private JsonNode get(String path) {
        return send("GET", url(path)).body();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
