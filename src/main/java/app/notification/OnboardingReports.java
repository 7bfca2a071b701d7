package app.notification;

import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.users.OnboardingStepCompleted;
import app.users.OnboardingStepFailed;

/**
 * Reports the welcome e-mail's outcome as the onboarding's {@code welcome-email} step: done when the mail server
 * accepted it, failed when it was given up. Called inside the transaction that records the outcome.
 */
@Component
class OnboardingReports {

    static final String WELCOME_EMAIL = "welcome-email";
    /** The notifications that carry the welcome e-mail: at sign-up, and when the user retries the onboarding. */
    static final Set<String> WELCOME_TYPES = Set.of("user.account.created", "user.onboarding.retried");

    private final ApplicationEventPublisher events;

    OnboardingReports(ApplicationEventPublisher events) {
        this.events = events;
    }

    void emailFinished(Notification notification) {
        if (!WELCOME_TYPES.contains(notification.getType())) {
            return;
        }
        String status = notification.getEmailStatus();
        if (EmailStatus.SENT.name().equals(status)) {
            events.publishEvent(new OnboardingStepCompleted(UUID.randomUUID(), notification.getOwner(),
                    WELCOME_EMAIL));
        }
        else if (EmailStatus.FAILED.name().equals(status) || EmailStatus.SKIPPED.name().equals(status)) {
            events.publishEvent(new OnboardingStepFailed(UUID.randomUUID(), notification.getOwner(), WELCOME_EMAIL,
                    "The welcome e-mail was not delivered: " + notification.getEmailLastError()));
        }
    }
}
