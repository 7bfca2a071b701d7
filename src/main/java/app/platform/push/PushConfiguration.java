package app.platform.push;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import tools.jackson.databind.json.JsonMapper;

/** The event streams: history and tickets in Redis, one channel that every instance listens to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushSettings.class)
class PushConfiguration {

    @Bean
    PushStreams pushStreams(StringRedisTemplate redis, PushSettings settings, JsonMapper json) {
        return new PushStreams(new StreamHistory(redis, settings), settings, json);
    }

    @Bean
    StreamTickets streamTickets(StringRedisTemplate redis, PushSettings settings, Clock clock) {
        return new StreamTickets(redis, settings, clock);
    }

    /** Without Redis (a local run with no redis-server) nothing listens; opening a stream answers 503. */
    @Bean
    RedisMessageListenerContainer pushAnnouncements(RedisConnectionFactory connections, PushStreams streams,
            PushSettings settings, @Value("${app.redis.unavailable-reason:#{null}}") String unavailableReason) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(streams, new ChannelTopic(settings.channel()));
        // In order, on the client's thread: the streams hand each announcement to their own dispatch thread.
        container.setTaskExecutor(Runnable::run);
        container.setAutoStartup(unavailableReason == null);
        return container;
    }
}
