package app.platform.tracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Carries the current trace (and the rest of the observation context) into asynchronous work: event listeners that
 * run after the commit, and the EventBridge externalization, so the events they send continue the request's trace.
 * Boot's task executor applies this decorator.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    TaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }
}
