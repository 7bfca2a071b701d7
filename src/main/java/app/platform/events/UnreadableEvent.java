package app.platform.events;

/**
 * The event of a stored publication cannot be read here: its class is not on this instance's class path (a newer
 * version added it) or its payload does not deserialize.
 */
final class UnreadableEvent extends RuntimeException {

    UnreadableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
