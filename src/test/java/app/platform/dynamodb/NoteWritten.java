package app.platform.dynamodb;

/** The event a note's transaction publishes in the commit protocol tests. */
public record NoteWritten(String owner, String noteId) {
}
