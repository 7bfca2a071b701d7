package app.analytics;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.micrometer.core.instrument.MeterRegistry;

import app.platform.dynamodb.Conflicts;
import app.studio.GenerationStepCompleted;

/**
 * Counts a user's activity from events ({@code analytics.track}) and keeps the business metrics:
 * {@code app.business.generations} (by type and outcome; the success rate is completed over all),
 * {@code app.business.content.views}, {@code app.business.feature.adoption} (first use of a feature per user) and
 * {@code app.business.revenue.attribution} (every use of a module, by module and the user's plan: which modules the
 * paying plans use).
 * A user's events may arrive together, so each count is a versioned write retried on a lost race.
 */
@Service
class ActivityTracking {

    private static final int ATTEMPTS = 10;

    private final UserActivities activities;
    private final TransactionOperations transactions;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    ActivityTracking(UserActivities activities, TransactionOperations transactions, MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.activities = activities;
        this.transactions = transactions;
        this.meters = meters;
        this.events = events;
    }

    /** Counts a completed generation and reports the content saga's {@code analytics} step with the count. */
    void generationCompleted(String owner, UUID eventId, String type, String generationId) {
        if (track(owner, eventId, "studio." + type, activity -> {
            activity.setGenerationsCompleted(activity.getGenerationsCompleted() + 1);
            events.publishEvent(new GenerationStepCompleted(UUID.randomUUID(), generationId, owner, "analytics"));
        })) {
            meters.counter("app.business.generations", "type", type, "outcome", "completed").increment();
        }
    }

    /**
     * Counts a failed generation. One given up after its content was written (its library step failed) was counted
     * completed before, so it moves from completed to failed; the metric counts it as {@code compensated}.
     */
    void generationFailed(String owner, UUID eventId, String type, boolean afterCompletion) {
        if (track(owner, eventId, "studio." + type, activity -> {
            activity.setGenerationsFailed(activity.getGenerationsFailed() + 1);
            if (afterCompletion) {
                activity.setGenerationsCompleted(activity.getGenerationsCompleted() - 1);
            }
        })) {
            meters.counter("app.business.generations", "type", type, "outcome",
                    afterCompletion ? "compensated" : "failed").increment();
        }
    }

    void contentViewed(String owner, UUID eventId) {
        if (track(owner, eventId, "library", activity -> activity.setContentViews(activity.getContentViews() + 1))) {
            meters.counter("app.business.content.views").increment();
        }
    }

    void featureUsed(String owner, UUID eventId, String feature) {
        track(owner, eventId, feature, activity -> {
        });
    }

    /** Keeps the user's plan (from account and subscription events); not a use of any module. */
    void planChanged(String owner, UUID eventId, String plan) {
        track(owner, eventId, null, activity -> activity.setPlan(plan));
    }

    Optional<UserActivity> of(String owner) {
        return activities.find(UserActivity.key(owner));
    }

    /** Applies the change once per event; true if this call applied it. */
    private boolean track(String owner, UUID eventId, String feature, Consumer<UserActivity> change) {
        return Conflicts.retryOnConflict(ATTEMPTS,
                () -> Boolean.TRUE.equals(transactions.execute(status -> apply(owner, eventId, feature, change))));
    }

    private boolean apply(String owner, UUID eventId, String feature, Consumer<UserActivity> change) {
        UserActivity activity = activities.find(UserActivity.key(owner)).orElseGet(() -> UserActivity.of(owner));
        if (activities.hasHandled(activity, eventId)) {
            return false;
        }
        change.accept(activity);
        if (feature != null) {
            if (activity.use(feature)) {
                meters.counter("app.business.feature.adoption", "feature", feature).increment();
            }
            meters.counter("app.business.revenue.attribution", "module", feature.split("\\.")[0], "plan",
                    activity.getPlan()).increment();
        }
        activity.markHandled(eventId);
        activities.save(activity);
        return true;
    }
}
