package app.platform.dynamodb;

/** A pagination cursor was not issued by this application for this query (tampered, truncated or reused elsewhere). */
public final class InvalidCursor extends RuntimeException {

    InvalidCursor() {
        super("The cursor is not valid for this collection; start again without a cursor");
    }
}
