package app.users;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the users module's events as they are published, for tests to look for. */
@Component
class RecordedUserEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(UserAccountCreated event) {
        events.add(event);
    }

    @EventListener
    void on(UserProfileUpdated event) {
        events.add(event);
    }

    @EventListener
    void on(UserSubscriptionUpgraded event) {
        events.add(event);
    }

    @EventListener
    void on(UserSubscriptionDowngraded event) {
        events.add(event);
    }

    <T> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
