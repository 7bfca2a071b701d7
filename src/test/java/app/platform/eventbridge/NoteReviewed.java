package app.platform.eventbridge;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * An event whose listeners behave as the event says: the review takes {@code reviewMillis}, and notifying the
 * reviewer fails at its first {@code notifyFailures} attempts.
 */
@Externalized("test.note.reviewed")
public record NoteReviewed(UUID eventId, String owner, long reviewMillis, int notifyFailures) {
}
