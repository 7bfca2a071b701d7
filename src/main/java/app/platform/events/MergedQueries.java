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
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The items of several sources, each ascending by the same string key, merged into one ascending order. A query
 * ({@link #pages}) reads its next page only when the merge has consumed the previous one, so taking the first
 * {@code n} items of queries limited to {@code n} items per page reads at most one page of each.
 */
final class MergedQueries implements Iterator<Map<String, AttributeValue>> {

    private final PriorityQueue<Cursor> cursors;

    private MergedQueries(List<Iterator<Map<String, AttributeValue>>> sources,
            Function<Map<String, AttributeValue>, String> sortKey) {
        this.cursors = new PriorityQueue<>(Comparator.comparing(cursor -> sortKey.apply(cursor.head)));
        for (Iterator<Map<String, AttributeValue>> source : sources) {
            Cursor cursor = new Cursor(source);
            if (cursor.advance()) {
                cursors.add(cursor);
            }
        }
    }

    /** The sources' items in the order of {@code sortKey}, by which each source must already be ordered. */
    static Stream<Map<String, AttributeValue>> stream(List<Iterator<Map<String, AttributeValue>>> sources,
            Function<Map<String, AttributeValue>, String> sortKey) {
        MergedQueries merged = new MergedQueries(sources, sortKey);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** A query's items, reading a page at a time when the previous one is used up. */
    static Iterator<Map<String, AttributeValue>> pages(DynamoDbClient client, QueryRequest query) {
        return new Pages(client, query);
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

    /** One source and its current item. */
    private static final class Cursor {

        private final Iterator<Map<String, AttributeValue>> source;
        private Map<String, AttributeValue> head;

        Cursor(Iterator<Map<String, AttributeValue>> source) {
            this.source = source;
        }

        /** Moves to the next item; false when there is none. */
        boolean advance() {
            head = source.hasNext() ? source.next() : null;
            return head != null;
        }
    }

    /** One query's items, a page at a time. */
    private static final class Pages implements Iterator<Map<String, AttributeValue>> {

        private final DynamoDbClient client;
        private final QueryRequest query;
        private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();
        private Map<String, AttributeValue> nextPageStart;
        private boolean lastPageRead;

        Pages(DynamoDbClient client, QueryRequest query) {
            this.client = client;
            this.query = query;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !lastPageRead) {
                QueryResponse response = client.query(query.toBuilder().exclusiveStartKey(nextPageStart).build());
                page = response.items().iterator();
                nextPageStart = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
                lastPageRead = nextPageStart == null;
            }
            return page.hasNext();
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
