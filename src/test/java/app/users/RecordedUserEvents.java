package app.users;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the users module's events once their transaction has committed (a transaction retried after a lost race
 * publishes again; only the committed one counts), for tests to look for.
 */
@Component
class RecordedUserEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserAccountCreated event) {
        events.add(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserProfileUpdated event) {
        events.add(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserSubscriptionUpgraded event) {
        events.add(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserSubscriptionDowngraded event) {
        events.add(event);
    }

    <T> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
