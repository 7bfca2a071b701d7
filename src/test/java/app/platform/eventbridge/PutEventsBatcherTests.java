package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * The PutEvents sender against a test double of the wire protocol: batching, limits, partial failures, retries, calls
 * in flight, its bound and back-pressure, and what a stop leaves.
 */
class PutEventsBatcherTests {

    private static final Instant OCCURRED = Instant.parse("2026-01-15T09:30:00Z");

    private final PutEventsTestDouble eventBridge = PutEventsTestDouble.start();
    private final EventBridgeClient client = EventBridgeClient.builder()
            .endpointOverride(eventBridge.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private PutEventsBatcher batcher = start(100, Duration.ofSeconds(5), 4, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        eventBridge.release();
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
    void inAPartialFailureOnlyTheEntriesRefusedOnEveryAttemptFail() throws Exception {
        eventBridge.refuse(entry -> entry.path("Detail").asString().contains("doomed"), Integer.MAX_VALUE);

        List<CompletableFuture<Void>> fine = IntStream.range(0, 4).mapToObj(i -> batcher.submit(entry("fine" + i, 10)))
                .toList();
        CompletableFuture<Void> doomed = batcher.submit(entry("doomed", 10));

        awaitAll(fine);
        assertThatThrownBy(() -> doomed.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(EventBridgeDeliveryFailed.class).hasMessageContaining("InternalFailure");
        assertThat(eventBridge.attempts(e -> e.detail().path("name").asString().startsWith("fine"))).hasSize(4)
                .allSatisfy(entry -> assertThat(entry.accepted()).isTrue());
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
    void aThrottledOrFailedCallIsTriedAgainAndItsEntriesAccepted() throws Exception {
        eventBridge.throttle(2);
        CompletableFuture<Void> throttled = batcher.submit(entry("throttled", 10));
        awaitAll(List.of(throttled));

        eventBridge.failCalls(4);
        CompletableFuture<Void> failed = batcher.submit(entry("failed", 10));
        awaitAll(List.of(failed));

        assertThat(eventBridge.accepted()).extracting(entry -> entry.detail().path("name").asString())
                .containsExactly("throttled", "failed");
    }

    @Test
    void severalCallsAreInFlightAtOnceButNeverMoreThanConfigured() throws Exception {
        eventBridge.hold();

        List<CompletableFuture<Void>> sent = IntStream.range(0, 60).mapToObj(i -> batcher.submit(entry("e" + i, 10)))
                .toList();

        await().atMost(Duration.ofSeconds(10)).until(eventBridge::callsInFlight, calls -> calls == 4);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(eventBridge::callsInFlight, calls -> calls == 4);
        assertThat(gauge("app.eventbridge.calls.in.flight")).isEqualTo(4);
        eventBridge.release();
        awaitAll(sent);
        assertThat(eventBridge.accepted()).hasSize(60);
        assertThat(eventBridge.mostCallsInFlight()).isEqualTo(4);
        assertThat(eventBridge.requests()).allSatisfy(request -> assertThat(request).hasSizeBetween(1, 10));
    }

    @Test
    void aFullSenderMakesTheCallerWaitUntilThereIsRoom() throws Exception {
        restart(4, Duration.ofSeconds(10), 1, Duration.ofSeconds(5));
        eventBridge.hold();
        List<CompletableFuture<Void>> held = IntStream.range(0, 4).mapToObj(i -> batcher.submit(entry("e" + i, 10)))
                .toList();

        CompletableFuture<CompletableFuture<Void>> waiting = CompletableFuture.supplyAsync(
                () -> batcher.submit(entry("waiting", 10)));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        assertThat(gauge("app.eventbridge.queue.depth")).isEqualTo(4);
        eventBridge.release();
        awaitAll(held);
        awaitAll(List.of(waiting.get(10, TimeUnit.SECONDS)));
        assertThat(eventBridge.accepted()).hasSize(5);
    }

    @Test
    void aCallerThatFindsNoRoomWithinTheBoundIsToldAndTheEntriesAlreadyTakenAreStillSent() throws Exception {
        restart(4, Duration.ofMillis(200), 1, Duration.ofSeconds(5));
        eventBridge.hold();
        List<CompletableFuture<Void>> held = IntStream.range(0, 4).mapToObj(i -> batcher.submit(entry("e" + i, 10)))
                .toList();

        CompletableFuture<Void> refused = batcher.submit(entry("refused", 10));

        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(EventBridgeSenderFull.class)
                .hasMessageContaining("4 entries");
        assertThat(meters.get("app.eventbridge.entries").tag("outcome", "queue-full").counter().count()).isEqualTo(1);
        eventBridge.release();
        awaitAll(held);
        assertThat(eventBridge.accepted()).hasSize(4)
                .noneSatisfy(entry -> assertThat(entry.detail().path("name").asString()).isEqualTo("refused"));
    }

    @Test
    void aSlowEventBridgeHoldsTheSenderToItsBoundAndEveryEntryIsSent() throws Exception {
        restart(5, Duration.ofSeconds(30), 2, Duration.ofSeconds(5));
        eventBridge.hold();
        CompletableFuture<Void> released = CompletableFuture.runAsync(eventBridge::release,
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(batcher.submit(entry("e" + i, 10)));
            assertThat(gauge("app.eventbridge.queue.depth")).isLessThanOrEqualTo(5);
        }

        awaitAll(sent);
        assertThat(released).isDone();
        assertThat(eventBridge.accepted()).hasSize(50);
    }

    @Test
    void aStopSendsWhatItCanWithinTheDrainTimeAndFailsTheRestAndTheWaitingCallers() throws Exception {
        restart(20, Duration.ofSeconds(30), 2, Duration.ofMillis(300));
        eventBridge.hold();
        List<CompletableFuture<Void>> taken = IntStream.range(0, 20).mapToObj(i -> batcher.submit(entry("e" + i, 10)))
                .toList();
        CompletableFuture<CompletableFuture<Void>> waiting = CompletableFuture.supplyAsync(
                () -> batcher.submit(entry("waiting", 10)));
        await().until(eventBridge::callsInFlight, calls -> calls == 2);

        long started = System.nanoTime();
        batcher.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(taken).allSatisfy(future -> assertThat(future).isCompletedExceptionally());
        assertThat(waiting.get(1, TimeUnit.SECONDS)).isCompletedExceptionally();
        assertThat(gauge("app.eventbridge.queue.depth")).isZero();
    }

    @Test
    void entriesSubmittedBeforeTheStartAreSentOnceItStarts() throws Exception {
        batcher.stop();
        batcher = new PutEventsBatcher(client, settings(100, Duration.ofSeconds(5), 4, Duration.ofSeconds(5)),
                new SimpleMeterRegistry());

        // As publications resubmitted while the application starts are, before the lifecycle starts the sender.
        CompletableFuture<Void> early = batcher.submit(entry("early", 10));
        assertThat(early).isNotDone();
        batcher.start();

        awaitAll(List.of(early));
        assertThat(eventBridge.accepted()).hasSize(1);
    }

    @Test
    void afterStoppingNothingMoreIsAcceptedAndTheCallerIsTold() {
        batcher.stop();

        assertThat(batcher.submit(entry("late", 10))).isCompletedExceptionally();
    }

    private PutEventsBatcher start(int capacity, Duration enqueueTimeout, int callsInFlight, Duration drainTimeout) {
        PutEventsBatcher started = new PutEventsBatcher(client,
                settings(capacity, enqueueTimeout, callsInFlight, drainTimeout), meters);
        started.start();
        return started;
    }

    private EventBridgeSettings settings(int capacity, Duration enqueueTimeout, int callsInFlight,
            Duration drainTimeout) {
        return new EventBridgeSettings(true, eventBridge.endpoint(), "default", 3, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofMillis(20), List.of(), capacity, enqueueTimeout, callsInFlight,
                drainTimeout);
    }

    private void restart(int capacity, Duration enqueueTimeout, int callsInFlight, Duration drainTimeout) {
        batcher.stop();
        meters.clear();
        batcher = start(capacity, enqueueTimeout, callsInFlight, drainTimeout);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
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
