package app.platform.tracing;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Carries the current trace (and the rest of the observation context) into asynchronous work: event listeners that
 * run after the commit, and the EventBridge externalization, so the events they send continue the request's trace.
 * Boot's task executor applies this decorator. The trace an event was published in is also kept with its publications
 * ({@link EventTraces}), for the work done for it later.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    TaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    @Bean
    EventTraces eventTraces(ObjectProvider<Tracer> tracer) {
        return new EventTraces(tracer::getIfAvailable);
    }
}
