package app.platform.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.ExecutorSubscribableChannel;

import tools.jackson.databind.json.JsonMapper;

/**
 * Without Redis (unavailable from the start, or not answering) live messages still reach this instance's broker, and
 * senders never fail.
 */
class LiveMessagesWithoutRedisTests {

    private final List<Message<?>> toBroker = new CopyOnWriteArrayList<>();
    private LettuceConnectionFactory connections;
    private StringRedisTemplate unreachable;
    private StaticListableBeanFactory beans;

    @BeforeEach
    void brokerAndUnreachableRedis() throws IOException {
        ExecutorSubscribableChannel brokerChannel = new ExecutorSubscribableChannel();
        brokerChannel.subscribe(toBroker::add);
        SimpMessagingTemplate broker = new SimpMessagingTemplate(brokerChannel);
        broker.setMessageConverter(new JacksonJsonMessageConverter());
        beans = new StaticListableBeanFactory(Map.of("broker", broker));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        connections.afterPropertiesSet();
        connections.start();
        unreachable = new StringRedisTemplate(connections);
    }

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void withRedisUnavailableFromTheStartMessagesReachTheLocalBroker() {
        LiveMessages live = live(false);

        live.toUser("user-1", "/queue/alerts", Map.of("headline", "Competitor launched"));
        live.toTopic("/topic/library/items/item-1", Map.of("type", "edit"));

        assertThat(destinations()).containsExactly("/user/user-1/queue/alerts", "/topic/library/items/item-1");
        assertThat(new String((byte[]) toBroker.getFirst().getPayload())).contains("Competitor launched");
    }

    @Test
    void withRedisNotAnsweringMessagesReachTheLocalBrokerAndSendersDoNotFail() {
        LiveMessages live = live(true);

        live.toUser("user-1", "/queue/notifications", Map.of("title", "Ready"));
        live.toUser("user-1", "/queue/notifications", Map.of("title", "Ready again"));

        assertThat(destinations()).containsExactly("/user/user-1/queue/notifications",
                "/user/user-1/queue/notifications");
    }

    @Test
    void onlyQueuesAndTopicsAreDestinations() {
        LiveMessages live = live(false);

        assertThatThrownBy(() -> live.toUser("user-1", "/topic/x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> live.toTopic("/queue/x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> live.toTopic("/topic/a/../b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(toBroker).isEmpty();
    }

    private LiveMessages live(boolean redisAvailable) {
        return new RedisLiveMessages(unreachable, "push:live", JsonMapper.builder().build(),
                beans.getBeanProvider(SimpMessagingTemplate.class), redisAvailable);
    }

    private List<String> destinations() {
        return toBroker.stream().map(message -> SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
                .toList();
    }
}
