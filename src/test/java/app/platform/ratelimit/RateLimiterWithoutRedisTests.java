package app.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** With Redis unreachable (a real client against a closed port) requests are still limited, per instance. */
class RateLimiterWithoutRedisTests {

    private LettuceConnectionFactory connections;

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void decisionsFallBackToLocalBudgetsAndTheHealthWarns() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimiter limiter = new RateLimiter(unreachableRedis(), settings(), Clock.systemUTC(), meters);
        RateLimit three = RateLimit.perMinute("free", 3);

        assertThat(limiter.consume("user:someone", three).allowed()).isTrue();
        assertThat(limiter.isLocal()).isTrue();
        assertThat(limiter.consume("user:someone", three).local()).isTrue();
        assertThat(limiter.consume("user:someone", three).allowed()).isTrue();
        RateLimitDecision fourth = limiter.consume("user:someone", three);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isPositive();
        assertThat(limiter.consume("user:someone-else", three).allowed()).isTrue();

        Health health = new RateLimitsHealthIndicator(limiter).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(meters.counter("app.ratelimit.decisions", "outcome", "limited", "store", "local").count())
                .isEqualTo(1);
    }

    private StringRedisTemplate unreachableRedis() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        connections.afterPropertiesSet();
        connections.start();
        return new StringRedisTemplate(connections);
    }

    private static RateLimitSettings settings() {
        return new RateLimitSettings(true, Map.of(), "free", 120, "rate:", Duration.ofSeconds(30), 50, 100);
    }
}
