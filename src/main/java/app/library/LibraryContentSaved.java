package app.library;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** Content is in the user's library. */
@Externalized("library.content.saved")
public record LibraryContentSaved(UUID eventId, String itemId, String owner, String type, String title) {
}
