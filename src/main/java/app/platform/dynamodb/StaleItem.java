package app.platform.dynamodb;

/** A versioned write was based on an older version of the item than the one stored (optimistic locking). */
public final class StaleItem extends ItemConflict {

    StaleItem(String table, Object key, Throwable cause) {
        super("The item with key " + key + " in " + table + " was changed by someone else; read it again", cause);
    }
}
