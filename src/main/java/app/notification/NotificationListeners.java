package app.notification;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.integrations.IntegrationExpired;
import app.integrations.SocialPostFailed;
import app.library.LibraryContentSaved;
import app.platform.jobs.BackgroundJobCompleted;
import app.research.MarketAlertRaised;
import app.studio.GenerationFailed;
import app.studio.QuotaUsageReached;
import app.users.OnboardingRetried;
import app.users.UserAccountCreated;

/**
 * {@code ai.generation.failed} → {@code notification.alert.send} (the content saga's {@code notify-failure}
 * compensation), and the saga's {@code notify} step: a notice once the library holds the content. The notification's
 * type is the detail-type of the event that caused it. A background job that ended ({@code background.job.completed})
 * becomes a notice too.
 */
@Component
class NotificationListeners {

    private static final String WELCOME_TITLE = "Welcome to Content Platform";

    private final Inbox inbox;
    private final RecipientListeners recipientCopies;

    NotificationListeners(Inbox inbox, RecipientListeners recipientCopies) {
        this.inbox = inbox;
        this.recipientCopies = recipientCopies;
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

    /** {@code integration.oauth.expired} → {@code user.notification.send}: the user must connect the provider again. */
    @Async
    @TransactionalEventListener
    void on(IntegrationExpired expired) {
        inbox.deliver(expired.eventId(), expired.userId(), "integration.oauth.expired",
                "Your " + expired.providerName() + " connection has expired",
                "Scheduled posts cannot be published to " + expired.providerName() + " until you connect it again: "
                        + expired.reason() + ".");
    }

    /** The onboarding's welcome e-mail: a notice whose e-mail reports the {@code welcome-email} step when it ends. */
    @Async
    @TransactionalEventListener
    void on(UserAccountCreated created) {
        recipientCopies.remember(created);
        inbox.deliver(created.eventId(), created.userId(), "user.account.created", WELCOME_TITLE,
                welcomeBody(created.displayName()));
    }

    @Async
    @TransactionalEventListener
    void on(OnboardingRetried retried) {
        if (retried.retries("welcome-email")) {
            inbox.deliver(retried.eventId(), retried.userId(), "user.onboarding.retried", WELCOME_TITLE,
                    welcomeBody(retried.displayName()));
        }
    }

    private static String welcomeBody(String displayName) {
        return "Welcome, " + displayName + ". Your brand profile is set up with a friendly, clear voice: adjust it,"
                + " then generate your first blog post, social posts or product listing.";
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

    @Async
    @TransactionalEventListener
    void on(BackgroundJobCompleted job) {
        String title = switch (job.status()) {
            case "COMPLETED" -> job.title() + (job.failed() > 0 ? ": done, with failures" : ": done");
            case "CANCELLED" -> job.title() + ": cancelled";
            default -> job.title() + ": failed";
        };
        inbox.deliver(job.eventId(), job.userId(), "background.job.completed", title, job.summary());
    }

    /** A scheduled social post could not be published: the user is told where and why. */
    @Async
    @TransactionalEventListener
    void on(SocialPostFailed failed) {
        inbox.deliver(failed.eventId(), failed.owner(), "integration.post.failed",
                "Your " + failed.platform() + " post could not be published",
                "Publishing to your " + failed.target() + " failed after " + failed.attempts() + " attempt(s): "
                        + failed.reason() + ".");
    }

    private static String readyTitle(String type) {
        return switch (type) {
            case "blog" -> "Your blog post is ready";
            case "social" -> "Your social posts are ready";
            case "listing" -> "Your listing is ready";
            default -> "Your content is ready";
        };
    }

    /** A market alert rule of one of the user's trackers fired. */
    @Async
    @TransactionalEventListener
    void on(MarketAlertRaised alert) {
        inbox.deliver(alert.eventId(), alert.userId(), "research.market.alert",
                "Market alert for \"" + alert.keyword() + "\"", alert.message()
                        + ("sample".equals(alert.source()) ? " (Sample data, not real rankings.)" : ""));
    }
}
