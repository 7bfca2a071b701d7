package app.platform.events;

import static app.platform.events.PublicationItems.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The registry's reads: queries of the sparse {@code status}, {@code event} and {@code completed} indexes, never a
 * scan. Completion markers are in none of them, so no lookup sees one. Apart from the claims and completions of
 * {@link DynamoDbEventPublicationRepository}, which decide what to hand to Spring Modulith.
 */
final class PublicationLookups {

    /** The partitions of claimed publications, sorted by lease expiry instead of publication date. */
    private static final Set<String> CLAIMED = Set.of(Status.PROCESSING.name(), Status.RESUBMITTED.name());
    /** The page size of the sweep of expired leases and stale publications. */
    private static final int SWEEP_PAGE = 100;
    /** Batches from this size on are read in pages of DynamoDB's 1 MB. */
    private static final int MAX_PAGE = 1_000;

    private final DynamoDbClient client;
    private final String table;
    private final String archiveTable;
    private final PublicationItems items;
    private final CompletionMode completionMode;

    PublicationLookups(DynamoDbClient client, String table, String archiveTable, PublicationItems items,
            CompletionMode completionMode) {
        this.client = client;
        this.table = table;
        this.archiveTable = archiveTable;
        this.items = items;
        this.completionMode = completionMode;
    }

    /** The items of a status index partition (all shards) sorted before {@code before}, read a page at a time. */
    List<Map<String, AttributeValue>> sortedBefore(String partition, Instant before) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int shard = 0; shard < items.shards(); shard++) {
            QueryRequest query = statusQuery(partition + "#" + shard, before).limit(SWEEP_PAGE).build();
            client.queryPaginator(query).items().forEach(found::add);
        }
        return found;
    }

    /** How many publications the partition (before {@code #<shard>}) holds, through a COUNT query per shard. */
    int size(String partition) {
        int count = 0;
        for (int shard = 0; shard < items.shards(); shard++) {
            QueryRequest query = statusQuery(partition + "#" + shard, null).select(Select.COUNT).build();
            count += client.queryPaginator(query).stream().mapToInt(QueryResponse::count).sum();
        }
        return count;
    }

    /** The incomplete publications of this event to this listener, oldest first (the {@code event} index). */
    Stream<TargetEventPublication> byEventAndListener(Object event, PublicationTargetIdentifier identifier) {
        String eventKey = eventKey(identifier.getValue(), items.serialize(event));
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(EVENT_INDEX)
                .keyConditionExpression("#eventKey = :key")
                .expressionAttributeNames(Map.of("#eventKey", EVENT_KEY))
                .expressionAttributeValues(Map.of(":key", s(eventKey)))
                .build();
        return client.queryPaginator(query).items().stream()
                .map(items::fromItem)
                .sorted(Comparator.comparing(StoredPublication::getPublicationDate))
                .map(TargetEventPublication.class::cast);
    }

    /**
     * The publications of these status index partitions (before {@code #<shard>}), published before a date if given,
     * oldest first. Each shard of a partition sorted by publication date is queried for pages of {@code batch} items
     * (of 1 MB from {@value #MAX_PAGE} on) and the shards' pages are merged, reading a shard's next page only when the
     * stream gets there: a caller that takes {@code batch} publications reads at most one page per shard. The
     * partitions of claimed publications are sorted by lease expiry: they are read whole (work in flight, few) and
     * sorted here.
     */
    Stream<StoredPublication> oldestFirst(List<String> partitions, Instant before, long batch) {
        return statusItems(partitions, before, batch).map(items::fromItem);
    }

    /** The items behind {@link #oldestFirst}, oldest first. */
    Stream<Map<String, AttributeValue>> statusItems(List<String> partitions, Instant before, long batch) {
        List<Iterator<Map<String, AttributeValue>>> sources = new ArrayList<>();
        for (String partition : partitions) {
            for (int shard = 0; shard < items.shards(); shard++) {
                String shardKey = partition + "#" + shard;
                if (CLAIMED.contains(partition)) {
                    sources.add(claimedByPublicationDate(shardKey, before));
                    continue;
                }
                QueryRequest.Builder query = statusQuery(shardKey, before);
                if (batch < MAX_PAGE) {
                    query.limit((int) batch);
                }
                sources.add(MergedQueries.pages(client, query.build()));
            }
        }
        return MergedQueries.stream(sources, PublicationItems::publicationKey);
    }

    private Iterator<Map<String, AttributeValue>> claimedByPublicationDate(String shard, Instant before) {
        QueryRequest.Builder query = statusQuery(shard, null);
        if (before != null) {
            QueryRequest base = query.build();
            Map<String, String> names = new HashMap<>(base.expressionAttributeNames());
            names.put("#publishedAt", PUBLISHED_AT);
            Map<String, AttributeValue> values = new HashMap<>(base.expressionAttributeValues());
            values.put(":publishedBefore", s(SortableTime.format(before)));
            query.filterExpression("#publishedAt < :publishedBefore")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values);
        }
        return client.queryPaginator(query.build()).items().stream()
                .sorted(Comparator.comparing(PublicationItems::publicationKey))
                .iterator();
    }

    private QueryRequest.Builder statusQuery(String shard, Instant before) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":shard", s(shard)));
        String condition = "#statusShard = :shard";
        if (before != null) {
            condition += " AND #statusSort < :before";
            values.put(":before", s(SortableTime.format(before)));
        }
        Map<String, String> names = new HashMap<>(Map.of("#statusShard", STATUS_SHARD));
        if (before != null) {
            names.put("#statusSort", STATUS_SORT);
        }
        return QueryRequest.builder().tableName(table).indexName(STATUS_INDEX)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }

    /**
     * The completed publications, completed before a date if given, through the {@code completed} index of the table
     * the completion mode keeps them in.
     */
    Stream<Map<String, AttributeValue>> completed(Instant before) {
        String source = completionMode == CompletionMode.ARCHIVE ? archiveTable : table;
        return Stream.iterate(0, shard -> shard < items.shards(), shard -> shard + 1).flatMap(shard -> {
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":shard", s("COMPLETED#" + shard)));
            Map<String, String> names = new HashMap<>(Map.of("#completedShard", COMPLETED_SHARD));
            String condition = "#completedShard = :shard";
            if (before != null) {
                condition += " AND #completedSort < :before";
                names.put("#completedSort", COMPLETED_SORT);
                values.put(":before", s(SortableTime.format(before)));
            }
            QueryRequest query = QueryRequest.builder().tableName(source).indexName(COMPLETED_INDEX)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build();
            return client.queryPaginator(query).items().stream();
        });
    }
}
