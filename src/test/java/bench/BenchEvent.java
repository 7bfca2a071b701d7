package bench;

/** The event of the event backbone benchmark; carries the moment it was published. */
public record BenchEvent(long number, long publishedAtNanos) {
}
