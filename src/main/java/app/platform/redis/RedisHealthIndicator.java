package app.platform.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis is a shared cache and rate-limit store, not a system of record: when it is unreachable the application keeps
 * serving with in-process caches and local rate limits. This indicator therefore reports {@code DEGRADED} (which the
 * health aggregation ranks below {@code UP}) with the reason, never {@code DOWN}.
 */
class RedisHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Redis unavailable: L1-only caching and local rate limits");

    private final RedisConnectionFactory connections;
    private final String unavailableReason;

    RedisHealthIndicator(RedisConnectionFactory connections, String unavailableReason) {
        this.connections = connections;
        this.unavailableReason = unavailableReason;
    }

    @Override
    public Health health() {
        if (unavailableReason != null) {
            return Health.status(DEGRADED).withDetail("reason", unavailableReason).build();
        }
        try (RedisConnection connection = connections.getConnection()) {
            return Health.up().withDetail("ping", connection.ping()).build();
        }
        catch (RuntimeException unreachable) {
            return Health.status(DEGRADED)
                    .withDetail("reason", "Redis is unreachable: " + rootMessage(unreachable))
                    .build();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
