package app.platform.dynamodb;

/** A create found an item with the same key already there. */
public final class DuplicateItem extends ItemConflict {

    DuplicateItem(String table, Object key, Throwable cause) {
        super("An item with key " + key + " already exists in " + table, cause);
    }
}
