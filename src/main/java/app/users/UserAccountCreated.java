package app.users;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A new account exists; starts onboarding. */
@Externalized("user.account.created")
public record UserAccountCreated(UUID eventId, String userId, String email, String displayName, String plan) {
}
