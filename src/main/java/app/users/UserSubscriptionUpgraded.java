package app.users;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A user moved to a larger plan ({@code free} &lt; {@code pro} &lt; {@code business}). */
@Externalized("user.subscription.upgraded")
public record UserSubscriptionUpgraded(UUID eventId, String userId, String previousPlan, String plan) {
}
