package app.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Spends request budgets shared by every instance through Redis: one Lua script per decision (the cell rate
 * algorithm on Redis' own clock, so instances' clocks need not agree), one round trip.
 *
 * <p>When Redis does not answer, each instance decides alone with the same arithmetic on its own clock, so requests
 * are still limited (each instance grants the whole budget, so the effective limit is multiplied by the number of
 * instances) and never fail because of the limiter. Redis is tried again after {@code app.rate-limits.redis-retry}
 * ; the health indicator reports the local mode.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** KEYS[1] = budget, ARGV = interval µs, period µs, consume (1/0). Answers {stored TAT before, now} in µs. */
    private static final RedisScript<List> CELL_RATE = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
            local interval = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local newTat = math.max(stored, now) + interval
            if ARGV[3] == '1' and newTat - now <= period then
              redis.call('SET', KEYS[1], string.format('%.0f', newTat), 'PX', math.ceil((newTat - now) / 1000))
            end
            return {stored, now}
            """, List.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration redisRetry;
    private final Clock clock;
    private final Cache<String, Long> localBudgets;
    private final AtomicReference<Instant> redisRetryAt = new AtomicReference<>(Instant.MIN);
    private final MeterRegistry meters;

    RateLimiter(StringRedisTemplate redis, RateLimitSettings settings, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.keyPrefix = settings.keyPrefix();
        this.redisRetry = settings.redisRetry();
        this.clock = clock;
        this.meters = meters;
        this.localBudgets = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();
    }

    /** Spends one request of the budget named {@code key}, if it allows one. */
    public RateLimitDecision consume(String key, RateLimit limit) {
        return decide(key, limit, true);
    }

    /** Whether the budget would allow one more request, without spending it. */
    public RateLimitDecision check(String key, RateLimit limit) {
        return decide(key, limit, false);
    }

    /** Whether decisions are currently taken locally because Redis did not answer. */
    public boolean isLocal() {
        return clock.instant().isBefore(redisRetryAt.get());
    }

    private RateLimitDecision decide(String key, RateLimit limit, boolean consume) {
        RateLimitDecision decision = isLocal() ? locally(key, limit, consume) : shared(key, limit, consume);
        meters.counter("app.ratelimit.decisions", "outcome", decision.allowed() ? "allowed" : "limited",
                "store", decision.local() ? "local" : "redis").increment();
        return decision;
    }

    private RateLimitDecision shared(String key, RateLimit limit, boolean consume) {
        try {
            List<?> answer = redis.execute(CELL_RATE, List.of(keyPrefix + key),
                    Long.toString(limit.intervalMicros()), Long.toString(limit.periodMicros()), consume ? "1" : "0");
            long stored = ((Number) answer.get(0)).longValue();
            long now = ((Number) answer.get(1)).longValue();
            return CellRate.decide(limit, stored, now, consume, false).decision();
        }
        catch (RuntimeException unavailable) {
            Instant retryAt = clock.instant().plus(redisRetry);
            redisRetryAt.set(retryAt);
            log.warn("Rate limits are local until {}: Redis did not answer ({})", retryAt, unavailable.toString());
            return locally(key, limit, consume);
        }
    }

    private RateLimitDecision locally(String key, RateLimit limit, boolean consume) {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        RateLimitDecision[] decision = new RateLimitDecision[1];
        localBudgets.asMap().compute(key, (ignored, stored) -> {
            CellRate.Outcome outcome = CellRate.decide(limit, stored == null ? 0 : stored, now, consume, true);
            decision[0] = outcome.decision();
            return outcome.newTat();
        });
        return decision[0];
    }
}
