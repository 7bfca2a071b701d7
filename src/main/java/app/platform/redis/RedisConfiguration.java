package app.platform.redis;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Redis as an optional, shared layer: its health never takes the application down. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    RedisHealthIndicator redisHealthIndicator(RedisConnectionFactory connections,
            @Value("${app.redis.unavailable-reason:#{null}}") String unavailableReason) {
        return new RedisHealthIndicator(connections, unavailableReason);
    }
}
