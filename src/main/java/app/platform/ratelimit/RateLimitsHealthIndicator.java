package app.platform.ratelimit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Warns ({@code DEGRADED}, not {@code DOWN}) while rate limits are enforced per instance because Redis is away. */
class RateLimitsHealthIndicator implements HealthIndicator {

    private static final Status DEGRADED = new Status("DEGRADED",
            "Redis unavailable: each instance enforces the whole budget on its own");

    private final RateLimiter limiter;

    RateLimitsHealthIndicator(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Health health() {
        return limiter.isLocal()
                ? Health.status(DEGRADED).withDetail("store", "local").build()
                : Health.up().withDetail("store", "redis").build();
    }
}
