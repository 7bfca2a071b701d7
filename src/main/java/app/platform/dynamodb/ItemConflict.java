package app.platform.dynamodb;

/** A write lost a race with another write of the same item; the client may re-read and try again. */
public abstract sealed class ItemConflict extends RuntimeException permits DuplicateItem, StaleItem {

    ItemConflict(String message, Throwable cause) {
        super(message, cause);
    }
}
