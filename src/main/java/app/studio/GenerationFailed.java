package app.studio;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A generation was given up; its quota unit is back and the user is told why. */
@Externalized("ai.generation.failed")
public record GenerationFailed(UUID eventId, String generationId, String owner, String type, String reason) {
}
