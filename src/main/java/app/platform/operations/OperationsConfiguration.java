package app.platform.operations;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request-handling watchdog, wherever an embedded Tomcat serves requests (not in Lambda). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatchdogSettings.class)
class OperationsConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.TomcatWebServer")
    RequestHandlingWatchdog requestHandlingWatchdog(WatchdogSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        return new RequestHandlingWatchdog(settings, events, clock);
    }
}
