package app.platform.scheduling;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Turns on {@code @Scheduled} methods (sweepers, staleness checks) on Spring Boot's task scheduler. The bean is
 * declared here because the STOMP broker's own scheduler would otherwise make Boot's back off, and {@code @Scheduled}
 * methods would share the broker's heart-beat threads.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    /** Named {@code taskScheduler}: the one {@code @Scheduled} methods use when several schedulers exist. */
    @Bean
    SimpleAsyncTaskScheduler taskScheduler(SimpleAsyncTaskSchedulerBuilder builder) {
        return builder.build();
    }
}
