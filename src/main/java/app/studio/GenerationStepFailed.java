package app.studio;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A later step of the content saga failed for good for a generation (one that retrying cannot fix, such as content
 * the library cannot hold). A failure worth retrying is not reported: the listener throws and the event registry
 * delivers the event again, and the saga's timeout covers a step that never succeeds.
 */
@Externalized("content.saga.step.failed")
public record GenerationStepFailed(UUID eventId, String generationId, String owner, String step, String reason) {
}
