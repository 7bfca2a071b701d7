package app.users;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A step of a new account's onboarding is done (the brand profile set up, the AI preferences initialized, the
 * welcome e-mail accepted by the mail server). Declared here, published by the modules that run the steps.
 */
@Externalized("user.onboarding.step.completed")
public record OnboardingStepCompleted(UUID eventId, String userId, String step) {
}
