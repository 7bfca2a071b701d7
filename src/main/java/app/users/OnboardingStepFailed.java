package app.users;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A step of a new account's onboarding failed for good (the welcome e-mail could not be delivered, say). */
@Externalized("user.onboarding.step.failed")
public record OnboardingStepFailed(UUID eventId, String userId, String step, String reason) {
}
