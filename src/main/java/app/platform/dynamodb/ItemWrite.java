package app.platform.dynamodb;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One aggregate write as the unit of work applies it: a put of the whole item under a condition, or a delete.
 *
 * @param table the physical table
 * @param key the item's primary key
 * @param item the item after the write, or {@code null} for a delete
 * @param condition what must hold before the write (the version or the item's absence), or {@code null}
 * @param creating whether a failed condition means a duplicate (create) or a stale version (save)
 * @param earlierWriters the transactions that wrote the item before, as the writer read them (oldest first): the
 *     write carries them on, with its own, so that a writer can still recognise its write after others wrote
 */
record ItemWrite(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item, Condition condition,
        boolean creating, List<String> earlierWriters) {

    ItemWrite {
        earlierWriters = List.copyOf(earlierWriters);
    }

    /** A condition expression with its placeholders. */
    record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    boolean isDelete() {
        return item == null;
    }
}
