package app.users;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the onboarding steps the other modules report. Outside a transaction, so a lost race retries at once. */
@Component
class OnboardingListeners {

    private final Onboarding onboarding;

    OnboardingListeners(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Async
    @TransactionalEventListener
    void on(OnboardingStepCompleted step) {
        onboarding.stepCompleted(step.userId(), step.step());
    }

    @Async
    @TransactionalEventListener
    void on(OnboardingStepFailed step) {
        onboarding.stepFailed(step.userId(), step.step(), step.reason());
    }
}
