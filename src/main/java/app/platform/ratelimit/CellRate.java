package app.platform.ratelimit;

import java.time.Duration;

/**
 * The generic cell rate algorithm (GCRA), the arithmetic shared by the Redis script and the local fallback. A budget
 * is one number, the theoretical arrival time (TAT): the time at which the budget would be whole again. A request
 * costs one emission interval T = period / limit; the budget holds {@code floor((period - (TAT - now)) / T)}
 * requests, which allows a burst of {@code limit} requests and then one every T.
 */
final class CellRate {

    private CellRate() {
    }

    /**
     * The outcome at {@code now} for a stored TAT (0 if none).
     *
     * @param granted how many requests were taken from the budget (0 when refused or only checked)
     * @param newTat the TAT to store
     */
    record Outcome(RateLimitDecision decision, long granted, long newTat) {
    }

    /**
     * Takes up to {@code wanted} requests from the budget (at least one, or none and a refusal); {@code wanted = 0}
     * only checks whether one more would be allowed.
     */
    static Outcome decide(RateLimit limit, long storedTat, long nowMicros, long wanted, boolean local) {
        long interval = limit.intervalMicros();
        long period = limit.periodMicros();
        long tat = Math.max(storedTat, nowMicros);
        long available = (period - (tat - nowMicros)) / interval;
        if (available < 1) {
            long wait = tat + interval - nowMicros - period;
            return new Outcome(new RateLimitDecision(limit, false, 0, micros(tat - nowMicros), micros(wait), local),
                    0, storedTat);
        }
        long granted = Math.min(wanted, available);
        long newTat = granted == 0 ? storedTat : tat + granted * interval;
        long remaining = available - granted;
        return new Outcome(new RateLimitDecision(limit, true, remaining, micros(tat + granted * interval - nowMicros),
                Duration.ZERO, local), granted, newTat);
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(Math.max(0, micros) * 1000);
    }
}
