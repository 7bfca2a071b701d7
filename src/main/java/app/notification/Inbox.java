package app.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.Conflicts;
import app.platform.dynamodb.DuplicateItem;
import app.platform.dynamodb.Page;
import app.platform.push.LiveMessages;
import app.platform.push.PushStreams;
import app.studio.GenerationStepCompleted;

/**
 * Stores notifications (once per causing event) and serves the inbox. A notification is stored with its e-mail
 * delivery state; after the store commits it is pushed to the user's open streams and STOMP sessions
 * ({@code /user/queue/notifications}) and e-mailed ({@link EmailDelivery}).
 */
@Service
class Inbox {

    private final Notifications notifications;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final EmailDelivery email;
    private final PushStreams streams;
    private final LiveMessages live;

    Inbox(Notifications notifications, Clock clock, TransactionOperations transactions,
            ApplicationEventPublisher events, EmailDelivery email, PushStreams streams, LiveMessages live) {
        this.notifications = notifications;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
        this.email = email;
        this.streams = streams;
        this.live = live;
    }

    /** A notification as its stream event's data: the inbox item without its e-mail state. */
    record Pushed(String id, String type, String title, String body, Instant createdAt, boolean read) {

        static Pushed of(Notification notification) {
            return new Pushed(notification.getId(), notification.getType(), notification.getTitle(),
                    notification.getBody(), notification.getCreatedAt(), notification.isRead());
        }
    }

    void deliver(UUID causeEventId, String owner, String type, String title, String body) {
        deliver(causeEventId, owner, type, title, body, null, null);
    }

    /**
     * Delivers a notice about a generation and reports it to the studio as a step of the content saga
     * ({@code notify} or {@code notify-failure}) in the same transaction.
     */
    void deliver(UUID causeEventId, String owner, String type, String title, String body, String generationId,
            String sagaStep) {
        if (notifications.find(Notification.key(owner, Notification.idFor(causeEventId))).isPresent()) {
            return;
        }
        Notification notification = Notification.of(causeEventId, owner, type, title, body, clock.instant());
        email.prepare(notification);
        try {
            transactions.executeWithoutResult(status -> {
                notifications.create(notification);
                if (generationId != null) {
                    events.publishEvent(new GenerationStepCompleted(UUID.randomUUID(), generationId, owner, sagaStep));
                }
            });
        }
        catch (DuplicateItem deliveredConcurrently) {
            // One notification per event.
            return;
        }
        streams.publish(owner, type, Pushed.of(notification));
        live.toUser(owner, "/queue/notifications", Pushed.of(notification));
        email.sendFirst(notification);
    }

    Page<Notification> newest(String owner, String cursor, int limit) {
        return notifications.newestOf(owner, cursor, limit);
    }

    /** Marks a notification read; its e-mail delivery may write the same item meanwhile, so a lost race retries. */
    Optional<Notification> markRead(String owner, String id) {
        return Conflicts.retryOnConflict(3, () -> {
            Optional<Notification> found = notifications.find(Notification.key(owner, id));
            found.filter(notification -> !notification.isRead()).ifPresent(notification -> {
                notification.setRead(true);
                notifications.save(notification);
            });
            return found;
        });
    }
}
