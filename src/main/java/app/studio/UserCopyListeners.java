package app.studio;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.users.OnboardingRetried;
import app.users.OnboardingStepCompleted;
import app.users.UserAccountCreated;
import app.users.UserProfileUpdated;
import app.users.UserSubscriptionDowngraded;
import app.users.UserSubscriptionUpgraded;

/**
 * Keeps the studio's copy of each user's plan ({@code ai.limits.update}) and personalization
 * ({@code ai.personalization.refresh}) from the users module's events, each applied once.
 */
@Component
class UserCopyListeners {

    private final StudioProfiles profiles;
    private final ApplicationEventPublisher events;

    UserCopyListeners(StudioProfiles profiles, ApplicationEventPublisher events) {
        this.profiles = profiles;
        this.events = events;
    }

    /** Also the onboarding's {@code ai-preferences} step: the studio's preferences start from the new account's. */
    @ApplicationModuleListener
    void on(UserAccountCreated created) {
        update(created.userId(), created.eventId(), profile -> {
            profile.setPlan(created.plan());
            profile.setDisplayName(created.displayName());
            events.publishEvent(new OnboardingStepCompleted(UUID.randomUUID(), created.userId(), "ai-preferences"));
        });
    }

    @ApplicationModuleListener
    void on(OnboardingRetried retried) {
        if (retried.retries("ai-preferences")) {
            update(retried.userId(), retried.eventId(), profile -> {
                profile.setPlan(retried.plan());
                profile.setDisplayName(retried.displayName());
                events.publishEvent(new OnboardingStepCompleted(UUID.randomUUID(), retried.userId(),
                        "ai-preferences"));
            });
        }
    }

    @ApplicationModuleListener
    void on(UserSubscriptionUpgraded upgraded) {
        update(upgraded.userId(), upgraded.eventId(), profile -> profile.setPlan(upgraded.plan()));
    }

    @ApplicationModuleListener
    void on(UserSubscriptionDowngraded downgraded) {
        update(downgraded.userId(), downgraded.eventId(), profile -> profile.setPlan(downgraded.plan()));
    }

    @ApplicationModuleListener
    void on(UserProfileUpdated updated) {
        update(updated.userId(), updated.eventId(), profile -> {
            profile.setDisplayName(updated.displayName());
            profile.setIndustry(updated.industry());
            profile.setTone(updated.tone());
            profile.setLanguage(updated.language());
        });
    }

    private void update(String userId, UUID eventId, Consumer<StudioProfile> change) {
        StudioProfile profile = profiles.find(StudioProfile.key(userId)).orElseGet(() -> StudioProfile.of(userId));
        if (profiles.hasHandled(profile, eventId)) {
            return;
        }
        change.accept(profile);
        profile.markHandled(eventId);
        profiles.save(profile);
    }
}
