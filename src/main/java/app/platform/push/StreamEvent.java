package app.platform.push;

import java.util.Optional;

/** An event for one user's stream: its id, its name (the SSE {@code event} field) and its JSON data. */
record StreamEvent(String user, StreamId id, String event, String data) {

    /** Reads an announcement from the shared channel: {@code user \n id \n event \n data}. */
    static Optional<StreamEvent> announced(String message) {
        String[] parts = message.split("\n", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        return StreamId.parse(parts[1]).map(id -> new StreamEvent(parts[0], id, parts[2], parts[3]));
    }
}
