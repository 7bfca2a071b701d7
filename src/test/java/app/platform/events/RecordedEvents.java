package app.platform.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The application events published in the test JVM's contexts, whatever thread published them, for tests to look
 * for. Spring Modulith's {@code Scenario.andWaitForEventOfType} sees only events published on threads started from
 * the test's own thread (it binds its listener through an inheritable thread local), which the pooled threads of
 * asynchronous listeners are not; tests of what such a listener publishes wait for it here instead.
 */
@Component
@Profile("test")
public class RecordedEvents {

    private static final int KEPT = 10_000;

    private final Deque<Object> recent = new ArrayDeque<>();

    @EventListener
    synchronized void on(ApplicationEvent event) {
        if (recent.size() == KEPT) {
            recent.removeFirst();
        }
        recent.addLast(event instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : event);
    }

    /** The most recent event of the type that matches, if one was published among the last 10,000. */
    public synchronized <T> Optional<T> latest(Class<T> type, Predicate<? super T> matching) {
        var events = recent.descendingIterator();
        while (events.hasNext()) {
            Object event = events.next();
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                return Optional.of(type.cast(event));
            }
        }
        return Optional.empty();
    }
}
