package app.platform.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * Request budgets of {@code /api/v1/**}.
 *
 * @param enabled whether requests are limited at all
 * @param plans requests per minute for a signed-in user, by plan id
 * @param defaultPlan the plan of a user whose plan cannot be told (no plan lookup deployed)
 * @param anonymousPerMinute requests per minute per client address on routes that need no token
 * @param keyPrefix prefix of the budget keys in Redis
 * @param redisRetry how long to decide locally after Redis failed to answer, before trying it again
 * @param leaseDivisor a budget is taken from Redis in leases of {@code limit / leaseDivisor} requests (at least 1)
 * @param maxLease the largest lease, in requests; 1 sends every request's decision to Redis
 */
@Validated
@ConfigurationProperties("app.rate-limits")
public record RateLimitSettings(@DefaultValue("true") boolean enabled,
        Map<String, @Positive Long> plans,
        @DefaultValue("free") String defaultPlan, @Positive @DefaultValue("120") long anonymousPerMinute,
        @DefaultValue("rate:") String keyPrefix, @DefaultValue("5s") Duration redisRetry,
        @Positive @DefaultValue("50") long leaseDivisor, @Positive @DefaultValue("100") long maxLease) {

    private static final Map<String, Long> DEFAULT_PLANS = Map.of("free", 60L, "pro", 600L, "business", 3000L);

    /** Plans set in configuration override the defaults one by one. */
    public RateLimitSettings {
        Map<String, Long> merged = new HashMap<>(DEFAULT_PLANS);
        if (plans != null) {
            merged.putAll(plans);
        }
        plans = Map.copyOf(merged);
        if (!plans.containsKey(defaultPlan)) {
            throw new IllegalArgumentException("app.rate-limits.default-plan " + defaultPlan + " has no limit in "
                    + "app.rate-limits.plans " + plans.keySet());
        }
    }

    long perMinuteFor(String plan) {
        return plans.getOrDefault(plan, plans.get(defaultPlan));
    }
}
