package app.platform.events;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The items of several queries, each ascending by the same string sort attribute, merged into one ascending order. A
 * query reads its next page only when the merge has consumed the previous one, so taking the first {@code n} items of
 * queries limited to {@code n} items per page reads at most one page of each.
 */
final class MergedQueries implements Iterator<Map<String, AttributeValue>> {

    private final PriorityQueue<Cursor> cursors;

    private MergedQueries(DynamoDbClient client, List<QueryRequest> queries, String sortAttribute) {
        this.cursors = new PriorityQueue<>(Comparator.comparing(cursor -> cursor.head.get(sortAttribute).s()));
        for (QueryRequest query : queries) {
            Cursor cursor = new Cursor(client, query);
            if (cursor.advance()) {
                cursors.add(cursor);
            }
        }
    }

    static Stream<Map<String, AttributeValue>> stream(DynamoDbClient client, List<QueryRequest> queries,
            String sortAttribute) {
        MergedQueries merged = new MergedQueries(client, queries, sortAttribute);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        return !cursors.isEmpty();
    }

    @Override
    public Map<String, AttributeValue> next() {
        Cursor cursor = cursors.poll();
        if (cursor == null) {
            throw new NoSuchElementException();
        }
        Map<String, AttributeValue> item = cursor.head;
        if (cursor.advance()) {
            cursors.add(cursor);
        }
        return item;
    }

    /** One query's items, a page at a time. */
    private static final class Cursor {

        private final DynamoDbClient client;
        private final QueryRequest query;
        private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();
        private Map<String, AttributeValue> nextPageStart;
        private boolean lastPageRead;
        private Map<String, AttributeValue> head;

        Cursor(DynamoDbClient client, QueryRequest query) {
            this.client = client;
            this.query = query;
        }

        /** Moves to the next item, reading the next page if needed; false when there is none. */
        boolean advance() {
            while (!page.hasNext() && !lastPageRead) {
                QueryResponse response = client.query(query.toBuilder().exclusiveStartKey(nextPageStart).build());
                page = response.items().iterator();
                nextPageStart = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
                lastPageRead = nextPageStart == null;
            }
            head = page.hasNext() ? page.next() : null;
            return head != null;
        }
    }
}
