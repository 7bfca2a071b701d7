package app.platform.eventbridge;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** An event that leaves the application, as module events marked {@code @Externalized} do. */
@Externalized("test.note.archived")
public record NoteArchived(UUID eventId, String owner, String text) {
}
