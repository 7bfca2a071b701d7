package app.notification;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.platform.dynamodb.DuplicateItem;
import app.platform.dynamodb.Page;

/** Stores notifications (once per causing event) and serves the inbox. */
@Service
class Inbox {

    private final Notifications notifications;
    private final Clock clock;

    Inbox(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    void deliver(UUID causeEventId, String owner, String type, String title, String body) {
        if (notifications.find(Notification.key(owner, Notification.idFor(causeEventId))).isPresent()) {
            return;
        }
        try {
            notifications.create(Notification.of(causeEventId, owner, type, title, body, clock.instant()));
        }
        catch (DuplicateItem deliveredConcurrently) {
            // One notification per event.
        }
    }

    Page<Notification> newest(String owner, String cursor, int limit) {
        return notifications.newestOf(owner, cursor, limit);
    }

    Optional<Notification> markRead(String owner, String id) {
        Optional<Notification> found = notifications.find(Notification.key(owner, id));
        found.filter(notification -> !notification.isRead()).ifPresent(notification -> {
            notification.setRead(true);
            notifications.save(notification);
        });
        return found;
    }
}
