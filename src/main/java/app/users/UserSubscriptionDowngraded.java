package app.users;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A user moved to a smaller plan. */
@Externalized("user.subscription.downgraded")
public record UserSubscriptionDowngraded(UUID eventId, String userId, String previousPlan, String plan) {
}
