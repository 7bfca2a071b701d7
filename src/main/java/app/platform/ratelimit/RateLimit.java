package app.platform.ratelimit;

import java.time.Duration;

/**
 * A budget: {@code limit} requests per {@code period}, spent evenly or in a burst of up to {@code limit}.
 *
 * @param policy the name clients see in the {@code RateLimit-Policy} header (e.g. the plan)
 */
public record RateLimit(String policy, long limit, Duration period) {

    public RateLimit {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive limit and period: " + limit + "/" + period);
        }
    }

    public static RateLimit perMinute(String policy, long limit) {
        return new RateLimit(policy, limit, Duration.ofMinutes(1));
    }

    /** The time one request takes from the budget (the emission interval of the cell rate algorithm). */
    long intervalMicros() {
        return Math.max(1, period.toNanos() / 1000 / limit);
    }

    long periodMicros() {
        return period.toNanos() / 1000;
    }
}
