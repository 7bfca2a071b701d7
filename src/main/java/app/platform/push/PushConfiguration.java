package app.platform.push;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event streams (history and tickets in Redis, one channel that every instance listens to) and the live messages
 * to STOMP sessions (another channel).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PushSettings.class, StompSettings.class })
class PushConfiguration {

    @Bean
    PushStreams pushStreams(StringRedisTemplate redis, PushSettings settings, JsonMapper json) {
        return new PushStreams(new StreamHistory(redis, settings), settings, json);
    }

    @Bean
    StreamTickets streamTickets(StringRedisTemplate redis, PushSettings settings, Clock clock) {
        return new StreamTickets(redis, settings, clock);
    }

    @Bean
    RedisLiveMessages liveMessages(StringRedisTemplate redis, StompSettings stomp, JsonMapper json,
            ObjectProvider<SimpMessagingTemplate> brokers,
            @Value("${app.redis.unavailable-reason:#{null}}") String unavailableReason) {
        return new RedisLiveMessages(redis, stomp.channel(), json, brokers, unavailableReason == null);
    }

    /**
     * Without Redis (a local run with no redis-server) nothing listens; opening a stream answers 503 and live messages
     * reach this instance's sessions only.
     */
    @Bean
    RedisMessageListenerContainer pushAnnouncements(RedisConnectionFactory connections, PushStreams streams,
            RedisLiveMessages live, PushSettings settings, StompSettings stomp,
            @Value("${app.redis.unavailable-reason:#{null}}") String unavailableReason) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(streams, new ChannelTopic(settings.channel()));
        container.addMessageListener(live, new ChannelTopic(stomp.channel()));
        // In order, on the client's thread: the streams hand each announcement to their own dispatch thread.
        container.setTaskExecutor(Runnable::run);
        container.setAutoStartup(unavailableReason == null);
        return container;
    }
}
