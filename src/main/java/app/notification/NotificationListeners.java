package app.notification;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.library.LibraryContentSaved;
import app.studio.GenerationFailed;
import app.studio.QuotaUsageReached;

/**
 * {@code ai.generation.failed} → {@code notification.alert.send} (the content saga's {@code notify-failure}
 * compensation), and the saga's {@code notify} step: a notice once the library holds the content. The notification's
 * type is the detail-type of the event that caused it.
 */
@Component
class NotificationListeners {

    private final Inbox inbox;

    NotificationListeners(Inbox inbox) {
        this.inbox = inbox;
    }

    @Async
    @TransactionalEventListener
    void on(GenerationFailed failed) {
        inbox.deliver(failed.eventId(), failed.owner(), "ai.generation.failed",
                "Your " + failed.type() + " could not be generated", failed.reason()
                        + " The generation did not count against your quota; try again.",
                failed.generationId(), "notify-failure");
    }

    @Async
    @TransactionalEventListener
    void on(QuotaUsageReached usage) {
        inbox.deliver(usage.eventId(), usage.owner(), "ai.usage.limit.reached",
                "You have used " + usage.percent() + " % of this month's generations",
                usage.used() + " of " + usage.limit() + " generations used in " + usage.month()
                        + (usage.percent() >= 100 ? ". A larger plan raises the quota at once." : "."));
    }

    /** Generated content is in the library: the user is told it is ready (the item id is the generation's). */
    @Async
    @TransactionalEventListener
    void on(LibraryContentSaved saved) {
        inbox.deliver(saved.eventId(), saved.owner(), "library.content.saved", readyTitle(saved.type()),
                "\"" + saved.title() + "\" is in your library"
                        + ("listing".equals(saved.type()) ? "; its brand audit follows." : "."),
                saved.itemId(), "notify");
    }

    private static String readyTitle(String type) {
        return switch (type) {
            case "blog" -> "Your blog post is ready";
            case "social" -> "Your social posts are ready";
            case "listing" -> "Your listing is ready";
            default -> "Your content is ready";
        };
    }
}
