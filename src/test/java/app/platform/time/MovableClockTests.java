package app.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The clock the tests move: it follows the system clock until stopped, and moves only when told. */
class MovableClockTests {

    private static final Instant LAST_DAY = Instant.parse("2026-01-31T23:59:59.900Z");

    @Test
    void untilMovedItFollowsTheSystemClock() {
        MovableClock clock = new MovableClock();

        Instant before = Clock.systemUTC().instant();
        Instant read = clock.instant();
        Instant after = Clock.systemUTC().instant();

        assertThat(read).isBetween(before, after);
        assertThat(clock.isMoved()).isFalse();
    }

    @Test
    void aStoppedClockStandsStillUntilMovedAgain() {
        MovableClock clock = new MovableClock();

        clock.set(LAST_DAY);
        assertThat(clock.instant()).isEqualTo(LAST_DAY);
        assertThat(clock.instant()).as("read again").isEqualTo(LAST_DAY);

        clock.advance(Duration.ofMillis(200));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-02-01T00:00:00.100Z"));
        assertThat(clock.isMoved()).isTrue();
    }

    @Test
    void stoppingKeepsTheCurrentReading() {
        MovableClock clock = MovableClock.stoppedAt(LAST_DAY);
        clock.reset();

        Instant stopped = clock.stop();

        assertThat(stopped).isAfter(LAST_DAY);
        assertThat(clock.instant()).isEqualTo(stopped);
    }

    @Test
    void aFollowingClockAdvancedRunsAheadOfTheSystemClockByThatMuch() {
        MovableClock clock = new MovableClock();

        clock.advance(Duration.ofDays(40));

        Instant before = Clock.systemUTC().instant().plus(Duration.ofDays(40));
        Instant read = clock.instant();
        Instant after = Clock.systemUTC().instant().plus(Duration.ofDays(40));
        assertThat(read).isBetween(before, after);
    }

    @Test
    void aResetClockFollowsTheSystemClockAgain() {
        MovableClock clock = MovableClock.stoppedAt(LAST_DAY);

        clock.reset();

        assertThat(clock.isMoved()).isFalse();
        assertThat(clock.instant()).isAfter(LAST_DAY);
    }

    @Test
    void concurrentAdvancesAreNotLost() throws Exception {
        MovableClock clock = MovableClock.stoppedAt(LAST_DAY);
        List<Future<?>> advances = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8_000; i++) {
                advances.add(threads.submit(() -> clock.advance(Duration.ofMillis(1))));
            }
        }
        for (Future<?> advance : advances) {
            advance.get();
        }

        assertThat(clock.instant()).isEqualTo(LAST_DAY.plusSeconds(8));
    }

    @Test
    void itIsAlwaysUtc() {
        MovableClock clock = new MovableClock();

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
        assertThat(clock.withZone(ZoneId.of("UTC"))).isSameAs(clock);
        assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Paris")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
