package app.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import app.platform.PlatformIntegrationTest;

/**
 * Large budgets are taken from Redis in leases; small ones request by request. What Redis holds (the budget's
 * theoretical arrival time) shows how much was taken.
 */
@PlatformIntegrationTest
class RateLimiterLeaseTests {

    private static final String PREFIX = "lease-test:";

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aBudgetOf600AMinuteIsTakenTwelveRequestsAtATime() {
        RateLimiter limiter = limiter();
        RateLimit sixHundred = RateLimit.perMinute("pro", 600);
        String key = "user:" + UUID.randomUUID();

        limiter.consume(key, sixHundred);
        long afterFirst = storedTat(key);
        for (int i = 0; i < 11; i++) {
            assertThat(limiter.consume(key, sixHundred).allowed()).isTrue();
        }
        long afterTwelve = storedTat(key);
        limiter.consume(key, sixHundred);

        assertThat(afterTwelve).as("the first lease served twelve requests").isEqualTo(afterFirst);
        assertThat(storedTat(key) - afterFirst).as("the thirteenth took a new lease of 12 x 100 ms")
                .isEqualTo(1_200_000);
    }

    @Test
    void aBudgetOf60AMinuteGoesToRedisForEveryRequest() {
        RateLimiter limiter = limiter();
        RateLimit sixty = RateLimit.perMinute("free", 60);
        String key = "user:" + UUID.randomUUID();

        limiter.consume(key, sixty);
        long afterFirst = storedTat(key);
        limiter.consume(key, sixty);

        assertThat(storedTat(key) - afterFirst).isEqualTo(1_000_000);
    }

    private RateLimiter limiter() {
        return new RateLimiter(redis, new RateLimitSettings(true, Map.of(), "free", 120, PREFIX, Duration.ofSeconds(5),
                50, 100), Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private long storedTat(String key) {
        return Long.parseLong(redis.opsForValue().get(PREFIX + key));
    }
}
