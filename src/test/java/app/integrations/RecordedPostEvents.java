package app.integrations;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the outcomes of scheduled posts once their transaction has committed, for tests to look for. */
@Component
class RecordedPostEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(fallbackExecution = true)
    void on(SocialPostPublished event) {
        events.add(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SocialPostFailed event) {
        events.add(event);
    }

    <T> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
