package app.platform.dynamodb;

/**
 * An event with two listeners ({@link NoteSharedListeners}), as a note shared with analytics and sent out through
 * EventBridge would have; its body sets its size in the size limit tests.
 */
public record NoteShared(String owner, String noteId, String body) {
}
