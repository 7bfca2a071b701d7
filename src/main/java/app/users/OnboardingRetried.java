package app.users;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The user asked to run the onboarding steps that failed or timed out again; each module runs its step again if it
 * is named here, exactly as for {@link UserAccountCreated}.
 */
@Externalized("user.onboarding.retried")
public record OnboardingRetried(UUID eventId, String userId, String email, String displayName, String plan,
        List<String> steps) {

    public boolean retries(String step) {
        return steps.contains(step);
    }
}
