package app.analytics;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.brand.BrandAuditCompleted;
import app.library.UserContentViewed;
import app.studio.BlogContentGenerated;
import app.studio.GenerationFailed;
import app.studio.ListingContentGenerated;
import app.studio.SocialContentGenerated;
import app.users.UserAccountCreated;
import app.users.UserSubscriptionDowngraded;
import app.users.UserSubscriptionUpgraded;

/**
 * {@code user.content.viewed} → {@code analytics.track}, and the generation outcomes and feature uses. Outside a
 * transaction of their own, so {@link ActivityTracking} can retry a lost race at once; the event registry still
 * redelivers what did not complete.
 */
@Component
class ActivityListeners {

    private final ActivityTracking tracking;

    ActivityListeners(ActivityTracking tracking) {
        this.tracking = tracking;
    }

    @Async
    @TransactionalEventListener
    void on(BlogContentGenerated generated) {
        tracking.generationCompleted(generated.owner(), generated.eventId(), "blog", generated.generationId());
    }

    @Async
    @TransactionalEventListener
    void on(SocialContentGenerated generated) {
        tracking.generationCompleted(generated.owner(), generated.eventId(), "social", generated.generationId());
    }

    @Async
    @TransactionalEventListener
    void on(ListingContentGenerated generated) {
        tracking.generationCompleted(generated.owner(), generated.eventId(), "listing", generated.generationId());
    }

    @Async
    @TransactionalEventListener
    void on(GenerationFailed failed) {
        // The library step only starts once the content is written: a saga that withdraws from the library had
        // completed the generation first.
        tracking.generationFailed(failed.owner(), failed.eventId(), failed.type(),
                failed.compensates("remove-from-library"));
    }

    @Async
    @TransactionalEventListener
    void on(UserContentViewed viewed) {
        tracking.contentViewed(viewed.owner(), viewed.eventId());
    }

    @Async
    @TransactionalEventListener
    void on(UserAccountCreated created) {
        tracking.planChanged(created.userId(), created.eventId(), created.plan());
    }

    @Async
    @TransactionalEventListener
    void on(UserSubscriptionUpgraded upgraded) {
        tracking.planChanged(upgraded.userId(), upgraded.eventId(), upgraded.plan());
    }

    @Async
    @TransactionalEventListener
    void on(UserSubscriptionDowngraded downgraded) {
        tracking.planChanged(downgraded.userId(), downgraded.eventId(), downgraded.plan());
    }

    @Async
    @TransactionalEventListener
    void on(BrandAuditCompleted audited) {
        tracking.featureUsed(audited.owner(), audited.eventId(), "brand.audit");
    }
}
