package bench;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

import app.platform.dynamodb.OutboxRelay;

/**
 * Times each benchmark publication from its publication to the moment the registry records it completed, by
 * wrapping the registry's repository (a subclass proxy, so beans that take the repository's own type still get it).
 */
public class CompletionClock implements BeanPostProcessor {

    private final Map<UUID, Long> publishedAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong completions = new AtomicLong();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository) || !(bean instanceof OutboxRelay)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            Object[] args = invocation.getArguments();
            String method = invocation.getMethod().getName();
            if (method.equals("create") && args[0] instanceof TargetEventPublication publication
                    && publication.getEvent() instanceof BenchEvent event) {
                publishedAt.put(publication.getIdentifier(), event.publishedAtNanos());
            }
            Object result = invocation.proceed();
            UUID completed = !method.equals("markCompleted") || args.length != 2 ? null
                    : args[0] instanceof UUID id ? id
                    : args[0] instanceof TargetEventPublication publication ? publication.getIdentifier() : null;
            if (completed != null) {
                completions.incrementAndGet();
                Long start = publishedAt.remove(completed);
                if (start != null) {
                    latenciesNanos.add(System.nanoTime() - start);
                }
            }
            return result;
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    /** How many publications of any event the registry recorded completed so far. */
    long completions() {
        return completions.get();
    }

    int completed() {
        return latenciesNanos.size();
    }

    /** The latencies recorded so far, and forgets them. */
    List<Long> drain() {
        List<Long> drained = List.copyOf(latenciesNanos);
        latenciesNanos.clear();
        return drained;
    }
}
