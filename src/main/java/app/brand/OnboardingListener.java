package app.brand;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.users.OnboardingRetried;
import app.users.UserAccountCreated;

/**
 * The brand's step of a new account's onboarding: a default brand profile, unless the user set one first. Outside a
 * transaction of its own, so a race with the user's own first profile retries at once.
 */
@Component
class OnboardingListener {

    private final BrandManagement brand;

    OnboardingListener(BrandManagement brand) {
        this.brand = brand;
    }

    @Async
    @TransactionalEventListener
    void on(UserAccountCreated created) {
        brand.setUpDefaultProfile(created.userId());
    }

    @Async
    @TransactionalEventListener
    void on(OnboardingRetried retried) {
        if (retried.retries("brand-profile")) {
            brand.setUpDefaultProfile(retried.userId());
        }
    }
}
