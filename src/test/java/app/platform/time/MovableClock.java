package app.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that tests move. It follows the system clock until a test stops it ({@link #set}, {@link #stop}); a
 * stopped clock stands still until it is moved again ({@link #set}, {@link #advance}); {@link #reset} makes it follow
 * the system clock again. Thread-safe: the application's threads read it while a test moves it.
 *
 * <p>The test profile's application contexts use one as their {@link Clock} ({@link MovableClockConfiguration}), and
 * every Spring test leaves it following the system clock ({@link MovableClockReset}). Tokens issued while it is moved
 * far back are refused once it follows again (their expiry is checked against the system clock too): tests sign their
 * users up before they move it.
 */
public final class MovableClock extends Clock {

    /** {@code stoppedAt}, or the system clock's reading shifted by {@code offset} when that is {@code null}. */
    private record Reading(Instant stoppedAt, Duration offset) {
    }

    private static final Reading FOLLOWING = new Reading(null, Duration.ZERO);

    private final Clock system = Clock.systemUTC();
    private final AtomicReference<Reading> reading;

    /** A clock that follows the system clock. */
    public MovableClock() {
        this(FOLLOWING);
    }

    private MovableClock(Reading reading) {
        this.reading = new AtomicReference<>(reading);
    }

    /** A clock stopped at {@code instant}. */
    public static MovableClock stoppedAt(Instant instant) {
        return new MovableClock(new Reading(instant, Duration.ZERO));
    }

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        reading.set(new Reading(instant, Duration.ZERO));
    }

    /** Stops the clock where it reads now, so a test runs within one instant (one month, one day...); returns it. */
    public Instant stop() {
        Instant now = instant();
        set(now);
        return now;
    }

    /** Moves the clock forward by {@code duration} (backward if negative), stopped or not. */
    public void advance(Duration duration) {
        reading.updateAndGet(current -> current.stoppedAt() != null
                ? new Reading(current.stoppedAt().plus(duration), Duration.ZERO)
                : new Reading(null, current.offset().plus(duration)));
    }

    /** Makes the clock follow the system clock again. */
    public void reset() {
        reading.set(FOLLOWING);
    }

    /** Whether a test moved the clock (and did not reset it). */
    public boolean isMoved() {
        return !reading.get().equals(FOLLOWING);
    }

    @Override
    public Instant instant() {
        Reading current = reading.get();
        return current.stoppedAt() != null ? current.stoppedAt() : system.instant().plus(current.offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Always UTC, like the application's clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone.normalized())) {
            throw new UnsupportedOperationException("A movable clock is always UTC, not " + zone);
        }
        return this;
    }
}
