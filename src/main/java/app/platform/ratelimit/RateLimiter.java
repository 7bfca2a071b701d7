package app.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Spends request budgets shared by every instance through Redis: one Lua script per decision (the cell rate
 * algorithm on Redis' own clock, so instances' clocks need not agree), one round trip.
 *
 * <p>Large budgets are spent in leases: a request that finds no lease takes up to
 * {@code limit / app.rate-limits.lease-divisor} requests (at most {@code max-lease}) from Redis at once, and this
 * instance serves the following requests of that budget from the lease for up to one second. A budget of 60 a
 * minute is thus exact (leases of one), one of 3,000 goes to Redis about once per 60 requests; what an instance
 * leased and did not use is lost, so a budget is never exceeded, only under-used by less than a lease per instance.
 *
 * <p>When Redis does not answer, each instance decides alone with the same arithmetic on its own clock, so requests
 * are still limited (each instance grants the whole budget, so the effective limit is multiplied by the number of
 * instances) and never fail because of the limiter. Redis is tried again after {@code app.rate-limits.redis-retry};
 * the health indicator reports the local mode.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);

    /** KEYS[1] = budget, ARGV = interval µs, period µs, requests wanted (0: check). Answers {stored TAT, now} µs. */
    private static final RedisScript<List> CELL_RATE = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
            local interval = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local wanted = tonumber(ARGV[3])
            local tat = math.max(stored, now)
            local available = math.floor((period - (tat - now)) / interval)
            if wanted > 0 and available >= 1 then
              local newTat = tat + math.min(wanted, available) * interval
              redis.call('SET', KEYS[1], string.format('%.0f', newTat), 'PX', math.ceil((newTat - now) / 1000))
            end
            return {stored, now}
            """, List.class);

    private final StringRedisTemplate redis;
    private final RateLimitSettings settings;
    private final Clock clock;
    private final Cache<String, Long> localBudgets;
    private final Cache<String, Lease> leases;
    private final AtomicReference<Instant> redisRetryAt = new AtomicReference<>(Instant.MIN);
    /** allowed/redis, allowed/local, limited/redis, limited/local. */
    private final Counter[] decisions;

    /** Requests taken from Redis and not served yet, valid until {@code until}. */
    private record Lease(RateLimitDecision granted, AtomicLong left, Instant until) {

        RateLimitDecision take(RateLimit limit, Instant now) {
            if (!granted.limit().equals(limit) || !now.isBefore(until)) {
                return null;
            }
            long remaining = left.decrementAndGet();
            if (remaining < 0) {
                return null;
            }
            return new RateLimitDecision(limit, true, granted.remaining() + remaining, granted.resetAfter(),
                    Duration.ZERO, false);
        }
    }

    RateLimiter(StringRedisTemplate redis, RateLimitSettings settings, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
        this.localBudgets = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();
        this.leases = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(LEASE_LIFETIME).build();
        this.decisions = new Counter[] { decisions(meters, "allowed", "redis"), decisions(meters, "allowed", "local"),
                decisions(meters, "limited", "redis"), decisions(meters, "limited", "local") };
    }

    /** Spends one request of the budget named {@code key}, if it allows one. */
    public RateLimitDecision consume(String key, RateLimit limit) {
        return count(isLocal() ? locally(key, limit, 1) : leased(key, limit));
    }

    /** Whether the budget would allow one more request, without spending it. */
    public RateLimitDecision check(String key, RateLimit limit) {
        return count(isLocal() ? locally(key, limit, 0) : shared(key, limit, 0).decision());
    }

    /** Whether decisions are currently taken locally because Redis did not answer. */
    public boolean isLocal() {
        return clock.instant().isBefore(redisRetryAt.get());
    }

    private RateLimitDecision leased(String key, RateLimit limit) {
        Instant now = clock.instant();
        Lease lease = leases.getIfPresent(key);
        RateLimitDecision fromLease = lease == null ? null : lease.take(limit, now);
        if (fromLease != null) {
            return fromLease;
        }
        long size = leaseSize(limit);
        CellRate.Outcome outcome = shared(key, limit, size);
        if (outcome.granted() > 1) {
            RateLimitDecision granted = outcome.decision();
            leases.put(key, new Lease(granted, new AtomicLong(outcome.granted() - 1), now.plus(LEASE_LIFETIME)));
        }
        return outcome.decision();
    }

    private long leaseSize(RateLimit limit) {
        return Math.max(1, Math.min(settings.maxLease(), limit.limit() / settings.leaseDivisor()));
    }

    private CellRate.Outcome shared(String key, RateLimit limit, long wanted) {
        try {
            List<?> answer = redis.execute(CELL_RATE, List.of(settings.keyPrefix() + key),
                    Long.toString(limit.intervalMicros()), Long.toString(limit.periodMicros()), Long.toString(wanted));
            long stored = ((Number) answer.get(0)).longValue();
            long now = ((Number) answer.get(1)).longValue();
            return CellRate.decide(limit, stored, now, wanted, false);
        }
        catch (RuntimeException unavailable) {
            Instant retryAt = clock.instant().plus(settings.redisRetry());
            redisRetryAt.set(retryAt);
            log.warn("Rate limits are local until {}: Redis did not answer ({})", retryAt, unavailable.toString());
            RateLimitDecision local = locally(key, limit, Math.min(wanted, 1));
            return new CellRate.Outcome(local, local.allowed() ? Math.min(wanted, 1) : 0, 0);
        }
    }

    private RateLimitDecision locally(String key, RateLimit limit, long wanted) {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        RateLimitDecision[] decision = new RateLimitDecision[1];
        localBudgets.asMap().compute(key, (ignored, stored) -> {
            CellRate.Outcome outcome = CellRate.decide(limit, stored == null ? 0 : stored, now, wanted, true);
            decision[0] = outcome.decision();
            return outcome.newTat();
        });
        return decision[0];
    }

    private RateLimitDecision count(RateLimitDecision decision) {
        decisions[(decision.allowed() ? 0 : 2) + (decision.local() ? 1 : 0)].increment();
        return decision;
    }

    private static Counter decisions(MeterRegistry meters, String outcome, String store) {
        return Counter.builder("app.ratelimit.decisions").tag("outcome", outcome).tag("store", store)
                .description("Rate limit decisions").register(meters);
    }
}
