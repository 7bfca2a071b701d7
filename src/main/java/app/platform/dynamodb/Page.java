package app.platform.dynamodb;

import java.util.List;

/**
 * One page of a collection.
 *
 * @param items the items of this page, in the collection's order
 * @param nextCursor an opaque token for the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
