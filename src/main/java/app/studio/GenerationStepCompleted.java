package app.studio;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A later step of the content saga is done for a generation (the library saved it, analytics counted it, the user
 * was notified, a compensation ran). Declared here, published by the modules downstream, so the studio keeps the
 * saga's state while every dependency still points at the studio.
 */
@Externalized("content.saga.step.completed")
public record GenerationStepCompleted(UUID eventId, String generationId, String owner, String step) {
}
