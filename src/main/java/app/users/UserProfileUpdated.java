package app.users;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A user's profile after a change, whole, so consumers keep their copy without asking back. */
@Externalized("user.profile.updated")
public record UserProfileUpdated(UUID eventId, String userId, String displayName, String industry, String tone,
        String language) {
}
