package bench;

/** One hop of the saga benchmark: a step's event with a payload the size of a generated-content event's. */
public record HopEvent(String generationId, String owner, String title, String body, long sentAtNanos) {
}
