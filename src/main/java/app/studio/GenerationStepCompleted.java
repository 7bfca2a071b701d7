package app.studio;

import java.util.UUID;

/**
 * A later step of the content flow is done for a generation (the library saved it, the brand audited it, the user
 * was notified). Declared here, published by the modules downstream, so the studio shows the whole flow in the
 * generation's {@code steps} while every dependency still points at the studio.
 */
public record GenerationStepCompleted(UUID eventId, String generationId, String owner, String step) {
}
