package app.platform.ratelimit;

import java.time.Duration;

/**
 * The answer of the limiter for one request.
 *
 * @param allowed whether the request may go on
 * @param remaining how many more requests the budget allows right now
 * @param resetAfter when the budget is whole again
 * @param retryAfter when a refused request may be retried ({@code ZERO} when allowed)
 * @param local whether the decision was taken by this instance alone, because the shared store did not answer
 */
public record RateLimitDecision(RateLimit limit, boolean allowed, long remaining, Duration resetAfter,
        Duration retryAfter, boolean local) {
}
