package app.library;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A user opened a library item; analytics counts it. */
@Externalized("user.content.viewed")
public record UserContentViewed(UUID eventId, String itemId, String owner, String type) {
}
