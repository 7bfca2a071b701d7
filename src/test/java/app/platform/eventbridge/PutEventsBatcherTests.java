package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** The PutEvents sender against a test double of the wire protocol: batching, limits, partial failures, retries. */
class PutEventsBatcherTests {

    private static final Instant OCCURRED = Instant.parse("2026-01-15T09:30:00Z");

    private final PutEventsTestDouble eventBridge = PutEventsTestDouble.start();
    private final EventBridgeClient client = EventBridgeClient.builder()
            .endpointOverride(eventBridge.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    private final PutEventsBatcher batcher = new PutEventsBatcher(client, new EventBridgeSettings(true,
            eventBridge.endpoint(), "default", 3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(20),
            List.of()));

    PutEventsBatcherTests() {
        batcher.start();
    }

    @AfterEach
    void stop() {
        batcher.stop();
        client.close();
        eventBridge.close();
    }

    @Test
    void entriesGoOutInCallsOfAtMostTenAndEveryOneIsAccepted() throws Exception {
        List<CompletableFuture<Void>> sent = IntStream.range(0, 25).mapToObj(i -> batcher.submit(entry("e" + i, 10)))
                .toList();

        awaitAll(sent);

        assertThat(eventBridge.accepted()).hasSize(25);
        assertThat(eventBridge.requests()).allSatisfy(request -> assertThat(request).hasSizeBetween(1, 10));
        assertThat(eventBridge.requests().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void callsAreSplitToStayWithin256KilobytesAltogether() throws Exception {
        List<CompletableFuture<Void>> sent = IntStream.range(0, 5)
                .mapToObj(i -> batcher.submit(entry("big" + i, 100 * 1024))).toList();

        awaitAll(sent);

        assertThat(eventBridge.accepted()).hasSize(5);
        assertThat(eventBridge.requestSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(256 * 1024));
        assertThat(eventBridge.requests().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anEntryRefusedInAPartialFailureIsRetriedWhileTheOthersAreAcceptedOnce() throws Exception {
        eventBridge.refuse(entry -> entry.path("Detail").asString().contains("flaky"), 2);

        CompletableFuture<Void> flaky = batcher.submit(entry("flaky", 10));
        CompletableFuture<Void> steady = batcher.submit(entry("steady", 10));
        awaitAll(List.of(flaky, steady));

        assertThat(eventBridge.attempts(e -> e.detail().path("name").asString().equals("flaky"))).hasSize(3);
        assertThat(eventBridge.attempts(e -> e.detail().path("name").asString().equals("steady"))).hasSize(1);
    }

    @Test
    void anEntryRefusedOnEveryAttemptFailsAfterTheConfiguredAttempts() {
        eventBridge.refuse(entry -> true, Integer.MAX_VALUE);

        CompletableFuture<Void> doomed = batcher.submit(entry("doomed", 10));

        assertThatThrownBy(() -> doomed.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(EventBridgeDeliveryFailed.class)
                .hasMessageContaining("after 3 attempt(s)").hasMessageContaining("InternalFailure");
        assertThat(eventBridge.attempts(e -> true)).hasSize(3);
    }

    @Test
    void afterStoppingNothingMoreIsAcceptedAndTheCallerIsTold() {
        batcher.stop();

        assertThat(batcher.submit(entry("late", 10))).isCompletedExceptionally();
    }

    private static PutEventsRequestEntry entry(String name, int payloadBytes) {
        return PutEventsRequestEntry.builder()
                .eventBusName("default")
                .source("app.test")
                .detailType("test.happened")
                .detail("{\"name\":\"" + name + "\",\"padding\":\"" + "x".repeat(payloadBytes) + "\"}")
                .time(OCCURRED)
                .build();
    }

    private static void awaitAll(List<CompletableFuture<Void>> futures) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }
}
