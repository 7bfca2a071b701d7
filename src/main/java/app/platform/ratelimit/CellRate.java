package app.platform.ratelimit;

import java.time.Duration;

/**
 * The generic cell rate algorithm (GCRA), the arithmetic shared by the Redis script and the local fallback. A budget
 * is one number, the theoretical arrival time (TAT): the time at which the budget would be whole again. A request
 * costs one emission interval T = period / limit; it is allowed while TAT + T - now stays within the period, which
 * allows a burst of {@code limit} requests and then one every T.
 */
final class CellRate {

    private CellRate() {
    }

    /** The outcome at {@code now} for a stored TAT (0 if none): the decision and the TAT to store if allowed. */
    record Outcome(RateLimitDecision decision, long newTat) {
    }

    static Outcome decide(RateLimit limit, long storedTat, long nowMicros, boolean consume, boolean local) {
        long interval = limit.intervalMicros();
        long period = limit.periodMicros();
        long tat = Math.max(storedTat, nowMicros);
        long newTat = tat + interval;
        long used = newTat - nowMicros;
        if (used > period) {
            long wait = used - period;
            return new Outcome(new RateLimitDecision(limit, false, 0, micros(tat - nowMicros), micros(wait), local),
                    storedTat);
        }
        long afterThis = consume ? used : tat - nowMicros;
        long remaining = (period - afterThis) / interval;
        return new Outcome(new RateLimitDecision(limit, true, remaining, micros(afterThis), Duration.ZERO, local),
                consume ? newTat : storedTat);
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(Math.max(0, micros) * 1000);
    }
}
