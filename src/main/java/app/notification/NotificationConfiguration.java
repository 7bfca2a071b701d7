package app.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.platform.security.AnonymousRoute;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /** The stream authenticates its callers itself: a browser's {@code EventSource} brings a ticket, not a token. */
    @Bean
    AnonymousRoute notificationStreamRoute() {
        return AnonymousRoute.get(NotificationStreamController.STREAM);
    }
}
