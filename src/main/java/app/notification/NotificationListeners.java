package app.notification;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.studio.BlogContentGenerated;
import app.studio.GenerationFailed;
import app.studio.ListingContentGenerated;
import app.studio.QuotaUsageReached;
import app.studio.SocialContentGenerated;

/**
 * {@code ai.generation.failed} → {@code notification.alert.send}, and a notice when content is ready. The
 * notification's type is the detail-type of the event that caused it.
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
                        + " The generation did not count against your quota; try again.");
    }

    @Async
    @TransactionalEventListener
    void on(QuotaUsageReached usage) {
        inbox.deliver(usage.eventId(), usage.owner(), "ai.usage.limit.reached",
                "You have used " + usage.percent() + " % of this month's generations",
                usage.used() + " of " + usage.limit() + " generations used in " + usage.month()
                        + (usage.percent() >= 100 ? ". A larger plan raises the quota at once." : "."));
    }

    @Async
    @TransactionalEventListener
    void on(BlogContentGenerated generated) {
        inbox.deliver(generated.eventId(), generated.owner(), "ai.content.blog.generated", "Your blog post is ready",
                "\"" + generated.title() + "\" is in your library.", generated.generationId());
    }

    @Async
    @TransactionalEventListener
    void on(SocialContentGenerated generated) {
        inbox.deliver(generated.eventId(), generated.owner(), "ai.content.social.generated",
                "Your social posts are ready", generated.posts().size() + " posts about \"" + generated.title()
                        + "\" are ready to schedule.", generated.generationId());
    }

    @Async
    @TransactionalEventListener
    void on(ListingContentGenerated generated) {
        inbox.deliver(generated.eventId(), generated.owner(), "ai.content.listing.generated",
                "Your listing is ready", "\"" + generated.title() + "\" is written; its brand audit follows.",
                generated.generationId());
    }
}
