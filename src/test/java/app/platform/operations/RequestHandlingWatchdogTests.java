package app.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

import app.platform.operations.StallDetector.State;
import app.platform.time.MovableClock;

/**
 * The watchdog of the request threads: a pool that keeps finishing work is alive however busy, a pool whose threads
 * are all stuck turns liveness {@code BROKEN} once a probe waited longer than the limit (with a thread dump), and
 * liveness turns {@code CORRECT} when the threads take work again.
 */
class RequestHandlingWatchdogTests {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-01T10:00:00Z"));
    private final CountDownLatch release = new CountDownLatch(1);
    private final ThreadPoolExecutor requestThreads = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().name("request-thread").factory());

    @AfterEach
    void stopThePool() {
        release.countDown();
        requestThreads.shutdownNow();
    }

    @Test
    void aPoolThatFinishesItsWorkTakesWorkHoweverLongItHasRun() {
        StallDetector detector = new StallDetector(requestThreads, LIMIT, clock);

        for (int minute = 0; minute < 5; minute++) {
            assertThat(detector.check()).isEqualTo(State.TAKING_WORK);
            await().atMost(Duration.ofSeconds(5)).until(() -> detector.waited().isZero());
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(detector.check()).isEqualTo(State.TAKING_WORK);
    }

    @Test
    void aPoolWhoseThreadsAreAllStuckStallsOnceAProbeWaitedLongerThanTheLimit() {
        StallDetector detector = new StallDetector(requestThreads, LIMIT, clock);
        occupyEveryThread();

        assertThat(detector.check()).isEqualTo(State.TAKING_WORK);
        clock.advance(LIMIT);
        assertThat(detector.check()).as("at the limit").isEqualTo(State.TAKING_WORK);
        clock.advance(Duration.ofMillis(1));
        assertThat(detector.check()).isEqualTo(State.STALLED);
        assertThat(detector.waited()).isGreaterThan(LIMIT);
    }

    @Test
    void livenessIsBrokenWithAThreadDumpWhileStalledAndCorrectOnceThePoolTakesWorkAgain(@TempDir Path dumps)
            throws Exception {
        List<LivenessState> published = new CopyOnWriteArrayList<>();
        RequestHandlingWatchdog watchdog = new RequestHandlingWatchdog(
                new WatchdogSettings(Duration.ofSeconds(5), LIMIT, dumps),
                event -> published.add((LivenessState) ((AvailabilityChangeEvent<?>) event).getState()), clock);
        StallDetector detector = new StallDetector(requestThreads, LIMIT, clock);
        occupyEveryThread();

        watchdog.check(detector);
        clock.advance(LIMIT.plusSeconds(1));
        watchdog.check(detector);
        watchdog.check(detector);

        assertThat(published).as("published once on the change").containsExactly(LivenessState.BROKEN);
        try (var files = Files.list(dumps)) {
            Path dump = files.findFirst().orElseThrow();
            assertThat(Files.readString(dump)).as("the stuck thread is in the dump").contains("\"request-thread\"");
        }

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            watchdog.check(detector);
            assertThat(published).containsExactly(LivenessState.BROKEN, LivenessState.CORRECT);
        });
        watchdog.destroy();
    }

    /** The one request thread waits until the test releases it; meanwhile the pool refuses any other work. */
    private void occupyEveryThread() {
        CountDownLatch occupied = new CountDownLatch(1);
        requestThreads.execute(() -> {
            occupied.countDown();
            try {
                release.await();
            }
            catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(occupied.await(5, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
