package app.studio;

import java.util.UUID;

/**
 * A generation was accepted: the studio's own listener runs it. Through the event registry, so a generation whose
 * run a crash interrupted runs again after the restart.
 */
public record GenerationRequested(UUID eventId, String generationId, String owner) {
}
