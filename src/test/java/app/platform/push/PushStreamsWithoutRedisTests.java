package app.platform.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

/** With Redis unreachable (a real client against a closed port): 503 for streams and tickets, publishing goes on. */
class PushStreamsWithoutRedisTests {

    private final PushSettings settings = new PushSettings(200, Duration.ofDays(7), Duration.ofSeconds(15),
            Duration.ofSeconds(60), "push:");
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;

    @BeforeEach
    void unreachableRedis() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void openingAStreamAnswers503AndPublishingDoesNotFail() {
        PushStreams streams = new PushStreams(new StreamHistory(redis, settings), settings, JsonMapper.builder().build());

        assertThatThrownBy(() -> streams.open("someone", null)).isInstanceOfSatisfying(PushUnavailable.class,
                unavailable -> assertThat(unavailable.getStatusCode().value()).isEqualTo(503));
        assertThatThrownBy(() -> streams.open("someone", "1-0")).isInstanceOf(PushUnavailable.class);
        assertThat(streams.openStreams()).isZero();
        assertThatCode(() -> streams.publish("someone", "background.job.completed", "done")).doesNotThrowAnyException();
    }

    @Test
    void ticketsAnswer503() {
        StreamTickets tickets = new StreamTickets(redis, settings, Clock.systemUTC());

        assertThatThrownBy(() -> tickets.issue("someone")).isInstanceOf(PushUnavailable.class);
        assertThatThrownBy(() -> tickets.redeem("A".repeat(43))).isInstanceOf(PushUnavailable.class);
    }
}
