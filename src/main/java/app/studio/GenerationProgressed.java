package app.studio;

/**
 * A short-lived signal of a running generation's progress, published in process only (not stored in the event
 * registry, not externalized): pushed to the user's browser when it listens.
 */
public record GenerationProgressed(String generationId, String owner, int progress, String status) {
}
