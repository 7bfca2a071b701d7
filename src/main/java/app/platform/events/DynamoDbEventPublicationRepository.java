package app.platform.events;

import static app.platform.events.PublicationItems.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionMode;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import app.platform.dynamodb.OutboxRelay;
import app.platform.dynamodb.SortableTime;
import app.platform.dynamodb.UnitOfWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Spring Modulith's event publication registry on DynamoDB.
 *
 * <p>A publication created inside a transaction is not written here: it joins the transaction's {@link UnitOfWork}
 * and reaches the table through the aggregate's outbox at commit ({@link #relay}), so a rolled-back transaction
 * leaves none behind. Outside a transaction it is written at once. Status changes are single conditional updates,
 * so that of several instances sharing the table only one claims a publication for resubmission. Lookups use the
 * sparse {@code status}, {@code event} and {@code completed} indexes, never a scan.
 *
 * <p>A publication that fails after {@code maxAttempts} attempts is <em>exhausted</em>: still {@code FAILED} for Spring
 * Modulith, but moved to its own status index partition, so that {@link #findFailedPublications} (the retrier's
 * lookup) never reads it again and poison publications cannot fill the retrier's batches. An operator resubmits it
 * through {@code /actuator/eventpublications}, which gives it one more attempt.
 *
 * <p>Events are deserialized only when asked for ({@link StoredPublication}). The lookups through which Spring Modulith
 * resubmits publications ({@code findIncompletePublications*}, {@link #findFailedPublications}) hand over only those
 * whose event this instance can read: one whose class it lacks (a newer version added it during a rolling deploy) or
 * whose payload is corrupt is skipped, logged and counted once, and listed at {@code /actuator/eventpublications}; it
 * never keeps the others from being resubmitted. {@link #findByStatus}, which Spring Modulith's staleness check uses
 * with ids and dates only, hands over all, so that a stale unreadable publication is failed like any other.
 */
class DynamoDbEventPublicationRepository implements EventPublicationRepository, OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbEventPublicationRepository.class);

    /** The status index partitions (before their {@code #<shard>}) of the publications that have not completed. */
    static final List<String> INCOMPLETE = List.of(Status.PUBLISHED.name(), Status.PROCESSING.name(),
            Status.RESUBMITTED.name(), Status.FAILED.name(), EXHAUSTED);

    /** The batch of a lookup without a limit. */
    private static final long ALL = Long.MAX_VALUE;
    /** Batches from this size on are read in pages of DynamoDB's 1 MB. */
    private static final int MAX_PAGE = 1_000;

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#\\w+");
    private static final Map<String, String> ATTRIBUTES = Map.of("#id", ID, "#status", STATUS,
            "#statusShard", STATUS_SHARD, "#statusSort", STATUS_SORT, "#eventKey", EVENT_KEY,
            "#completedAt", COMPLETED_AT, "#completedShard", COMPLETED_SHARD, "#completedSort", COMPLETED_SORT,
            "#attempts", ATTEMPTS, "#resubmittedAt", RESUBMITTED_AT);

    private final DynamoDbClient client;
    private final String table;
    private final String archiveTable;
    private final PublicationItems items;
    private final CompletionMode completionMode;
    private final int maxAttempts;
    private EventRegistryMetrics metrics;
    /** Publications this instance relayed as processing, until their listener starts; bounded, expiring. */
    private final Cache<UUID, Boolean> claimedAtRelay = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    /** Publications found unreadable and reported (logged and counted), so that each is reported once. */
    private final Cache<UUID, Boolean> reportedUnreadable = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Bounded: an observation is only needed between a read and the claim that follows it. */
    private final Map<UUID, Observed> observed = new ConcurrentHashMap<>();
    private static final int MAX_OBSERVED = 10_000;
    /** Read by the gauge and the health indicator: a few seconds old at most. */
    private final LoadingCache<String, Integer> partitionCounts = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).build(this::count);

    DynamoDbEventPublicationRepository(DynamoDbClient client, String table, String archiveTable,
            PublicationItems items, CompletionMode completionMode, int maxAttempts) {
        this.client = client;
        this.table = table;
        this.archiveTable = archiveTable;
        this.items = items;
        this.completionMode = completionMode;
        this.maxAttempts = maxAttempts;
    }

    /** Starts counting outcomes in these metrics. */
    void measureWith(EventRegistryMetrics metrics) {
        this.metrics = metrics;
    }

    /** The publication date of the oldest publication that has not completed, through one read per index partition. */
    Optional<Instant> oldestIncomplete() {
        return statusItems(INCOMPLETE, null, 1).findFirst()
                .map(item -> item.get(STATUS_SORT).s())
                .map(sortKey -> SortableTime.parse(sortKey.substring(0, sortKey.indexOf('#'))));
    }

    /** How many failed publications have used up their attempts; counted at most 5 seconds ago. */
    int exhausted() {
        return partitionCounts.get(EXHAUSTED);
    }

    /** The incomplete publications counted by status index partition ({@link #INCOMPLETE}), in that order. */
    Map<String, Integer> incompleteCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        INCOMPLETE.forEach(partition -> counts.put(partition, count(partition)));
        return counts;
    }

    /** The oldest incomplete publications, at most {@code limit}, read as one page per index partition. */
    List<StoredPublication> oldestIncomplete(int limit) {
        return oldestFirst(INCOMPLETE, null, limit).limit(limit).toList();
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        Map<String, AttributeValue> item = items.toItem(publication);
        UnitOfWork.current().ifPresentOrElse(work -> work.addPublication(item, EVENT), () -> {
            putIfAbsent(table, item);
            count(metrics -> metrics.published(1));
        });
        return publication;
    }

    @Override
    public void relay(List<Map<String, AttributeValue>> publications) {
        publications.forEach(item -> putIfAbsent(table, item));
        count(metrics -> metrics.published(publications.size()));
    }

    /**
     * Writes the publications of a transaction this instance just committed as already {@code PROCESSING}: their
     * listeners run right after, here, so the claim that {@link #markProcessing} would write is part of this write
     * (one conditional write per publication fewer). Should this instance stop before a listener ends, the
     * publication is incomplete like any other and is resubmitted after a restart or once the staleness monitor
     * fails it.
     */
    @Override
    public void relayForDispatch(List<Map<String, AttributeValue>> publications) {
        publications.forEach(item -> {
            putIfAbsent(table, items.asProcessing(item));
            claimedAtRelay.put(UUID.fromString(item.get(ID).s()), Boolean.TRUE);
        });
        count(metrics -> metrics.published(publications.size()));
    }

    @Override
    public void markProcessing(UUID identifier) {
        if (claimedAtRelay.asMap().remove(identifier) != null) {
            return; // written as processing when it was relayed
        }
        transition(identifier, Status.PROCESSING, items.statusShard(Status.PROCESSING, identifier), "",
                "#status <> :status", Map.of());
    }

    /**
     * Fails the publication: into the failed partition while it has attempts left, otherwise into the exhausted one
     * (a second conditional write, made only for publications out of attempts).
     */
    @Override
    public void markFailed(UUID identifier) {
        Map<String, AttributeValue> max = Map.of(":max", AttributeValue.fromN(Integer.toString(maxAttempts)));
        if (transition(identifier, Status.FAILED, items.statusShard(Status.FAILED, identifier), "",
                "#status <> :status AND (attribute_not_exists(#attempts) OR #attempts < :max)", max)) {
            count(EventRegistryMetrics::failed);
        }
        else if (transition(identifier, Status.FAILED, items.exhaustedShard(identifier), "",
                "#status <> :status AND #attempts >= :max", max)) {
            log.warn("Event publication {} failed and has used up its {} attempts: it waits for an operator to resubmit "
                    + "it (/actuator/eventpublications)", identifier, maxAttempts);
            count(EventRegistryMetrics::failed);
        }
    }

    /**
     * Claims the publication for resubmission. The claim is a compare-and-set on the status and attempt count at which
     * this instance read it ({@link #findIncompletePublications()}, {@link #findFailedPublications}): if another
     * instance claimed it, or its listener has started since, the state differs and the claim fails. A publication not
     * read here can be claimed only while published or failed.
     */
    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        Observed seen = observed.remove(identifier);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", AttributeValue.fromN("1"),
                ":at", s(SortableTime.format(resubmissionDate))));
        String unchanged;
        if (seen != null) {
            unchanged = "#status = :seenStatus AND #attempts = :seenAttempts";
            values.put(":seenStatus", s(seen.status().name()));
            values.put(":seenAttempts", AttributeValue.fromN(Integer.toString(seen.attempts())));
        }
        else {
            unchanged = "#status IN (:published, :failed)";
            values.put(":published", s(Status.PUBLISHED.name()));
            values.put(":failed", s(Status.FAILED.name()));
        }
        boolean claimed = transition(identifier, Status.RESUBMITTED, items.statusShard(Status.RESUBMITTED, identifier),
                ", #attempts = #attempts + :one, #resubmittedAt = :at", unchanged, values);
        if (claimed) {
            count(EventRegistryMetrics::retried);
        }
        return claimed;
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        findIncomplete(event, identifier).forEach(it -> markCompleted(it.getIdentifier(), completionDate));
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        switch (completionMode) {
            case DELETE -> delete(table, identifier);
            case ARCHIVE -> archive(identifier, completionDate);
            case UPDATE -> complete(identifier, completionDate);
        }
        count(EventRegistryMetrics::completed);
    }

    /** The incomplete publications whose event can be read here, oldest first. */
    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return observeAll(oldestFirst(INCOMPLETE, null, ALL).filter(this::readable));
    }

    /** The incomplete publications published before the instant whose event can be read here, oldest first. */
    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return observeAll(oldestFirst(INCOMPLETE, instant, ALL).filter(this::readable));
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return findIncomplete(event, targetIdentifier).findFirst();
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return completed(null).map(items::fromItem).map(TargetEventPublication.class::cast).toList();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        identifiers.forEach(id -> {
            delete(table, id);
            delete(archiveTable, id);
        });
    }

    @Override
    public void deleteCompletedPublications() {
        deleteCompleted(null);
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        deleteCompleted(instant);
    }

    /**
     * The oldest failed publications that have attempts left and can be read here, read a batch at a time: each
     * shard's partition is queried for at most {@code criteria}'s number of items published before its date, and the
     * shards' pages are merged. Exhausted publications are not in these partitions; one found there all the same
     * (failed before exhausted ones had their own partition, or {@code maxAttempts} was lowered since) is moved out
     * and skipped.
     */
    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        long limit = criteria.getMaxItemsToRead() < 0 ? ALL : criteria.getMaxItemsToRead();
        if (limit == 0) {
            return List.of();
        }
        return observeAll(oldestFirst(List.of(Status.FAILED.name()), criteria.getPublicationDateReference(), limit)
                .filter(this::hasAttemptsLeft)
                .filter(this::readable)
                .limit(limit));
    }

    /** Spring Modulith's statuses; {@code FAILED} includes the exhausted publications. */
    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return status == Status.COMPLETED ? findCompletedPublications()
                : observeAll(oldestFirst(partitionsOf(status), null, ALL));
    }

    /** Spring Modulith's statuses; {@code FAILED} includes the exhausted publications. */
    @Override
    public int countByStatus(Status status) {
        return status == Status.COMPLETED ? (int) completed(null).count()
                : partitionsOf(status).stream().mapToInt(this::count).sum();
    }

    private static List<String> partitionsOf(Status status) {
        return status == Status.FAILED ? List.of(Status.FAILED.name(), EXHAUSTED) : List.of(status.name());
    }

    /** How many publications the partition (before {@code #<shard>}) holds, through a COUNT query per shard. */
    private int count(String partition) {
        int count = 0;
        for (int shard = 0; shard < items.shards(); shard++) {
            QueryRequest query = statusQuery(partition + "#" + shard, null).select(Select.COUNT).build();
            count += client.queryPaginator(query).stream().mapToInt(QueryResponse::count).sum();
        }
        return count;
    }

    /** Whether its event can be read; one that cannot is logged and counted, once. */
    private boolean readable(StoredPublication publication) {
        Optional<String> unreadable = publication.unreadable();
        if (unreadable.isPresent()
                && reportedUnreadable.asMap().putIfAbsent(publication.getIdentifier(), Boolean.TRUE) == null) {
            log.warn("Event publication {} of {} to {} is skipped: {}", publication.getIdentifier(),
                    publication.eventType(), publication.getTargetIdentifier().getValue(), unreadable.get());
            count(EventRegistryMetrics::unreadable);
        }
        return unreadable.isEmpty();
    }

    /** Whether a failed publication has attempts left; one that has not is moved to the exhausted partition. */
    private boolean hasAttemptsLeft(StoredPublication failed) {
        if (failed.getCompletionAttempts() < maxAttempts) {
            return true;
        }
        transition(failed.getIdentifier(), Status.FAILED, items.exhaustedShard(failed.getIdentifier()), "",
                "#status = :status AND #attempts >= :max",
                Map.of(":max", AttributeValue.fromN(Integer.toString(maxAttempts))));
        return false;
    }

    /**
     * Moves an incomplete publication to a status and status index partition if {@code expected} holds; false if it
     * did not.
     */
    private boolean transition(UUID identifier, Status status, String shard, String extraSet, String expected,
            Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":status", s(status.name()));
        values.put(":shard", s(shard));
        try {
            String update = "SET #status = :status, #statusShard = :shard" + extraSet;
            String condition = "attribute_exists(#id) AND attribute_not_exists(#completedAt) AND " + expected;
            client.updateItem(request -> request.tableName(table).key(key(identifier))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(values));
            return true;
        }
        catch (ConditionalCheckFailedException claimedOrGone) {
            return false;
        }
    }

    private void complete(UUID identifier, Instant completionDate) {
        try {
            String update = "SET #status = :completed, #completedAt = :at, #completedShard = :shard, "
                    + "#completedSort = :sort REMOVE #statusShard, #statusSort, #eventKey";
            String condition = "attribute_exists(#id)";
            client.updateItem(request -> request.tableName(table).key(key(identifier))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(Map.of(
                            ":completed", s(Status.COMPLETED.name()),
                            ":at", s(SortableTime.format(completionDate)),
                            ":shard", s(items.completedShard(identifier)),
                            ":sort", s(sortKey(completionDate, identifier)))));
        }
        catch (ConditionalCheckFailedException notRelayedYet) {
            // Completed before its outbox was relayed: the relay will bring it and it will be delivered again.
        }
    }

    private void archive(UUID identifier, Instant completionDate) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table).key(key(identifier))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> archived = new HashMap<>(item);
        List.of(STATUS_SHARD, STATUS_SORT, EVENT_KEY).forEach(archived::remove);
        archived.put(STATUS, s(Status.COMPLETED.name()));
        archived.put(COMPLETED_AT, s(SortableTime.format(completionDate)));
        archived.put(COMPLETED_SHARD, s(items.completedShard(identifier)));
        archived.put(COMPLETED_SORT, s(sortKey(completionDate, identifier)));
        client.putItem(request -> request.tableName(archiveTable).item(archived));
        delete(table, identifier);
    }

    private Stream<TargetEventPublication> findIncomplete(Object event, PublicationTargetIdentifier identifier) {
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
     * oldest first. Each shard is queried for pages of {@code batch} items (of 1 MB from {@value #MAX_PAGE} on) and
     * the shards' pages are merged, reading a shard's next page only when the stream gets there: a caller that takes
     * {@code batch} publications reads at most one page per shard.
     */
    private Stream<StoredPublication> oldestFirst(List<String> partitions, Instant before, long batch) {
        return statusItems(partitions, before, batch).map(items::fromItem);
    }

    private Stream<Map<String, AttributeValue>> statusItems(List<String> partitions, Instant before, long batch) {
        List<QueryRequest> queries = new ArrayList<>();
        for (String partition : partitions) {
            for (int shard = 0; shard < items.shards(); shard++) {
                QueryRequest.Builder query = statusQuery(partition + "#" + shard, before);
                if (batch < MAX_PAGE) {
                    query.limit((int) batch);
                }
                queries.add(query.build());
            }
        }
        return MergedQueries.stream(client, queries, STATUS_SORT);
    }

    /** Remembers the state in which the publications were read, for the claims that may follow. */
    private List<TargetEventPublication> observeAll(Stream<StoredPublication> publications) {
        return publications.peek(this::observe).map(TargetEventPublication.class::cast).toList();
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

    private Stream<Map<String, AttributeValue>> completed(Instant before) {
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

    private void deleteCompleted(Instant before) {
        String source = completionMode == CompletionMode.ARCHIVE ? archiveTable : table;
        completed(before).map(item -> UUID.fromString(item.get(ID).s())).toList()
                .forEach(id -> delete(source, id));
    }

    private void observe(StoredPublication publication) {
        if (observed.size() >= MAX_OBSERVED) {
            observed.clear();
        }
        observed.put(publication.getIdentifier(),
                new Observed(publication.getStatus(), publication.getCompletionAttempts()));
    }

    /** The state in which this instance last read an incomplete publication. */
    private record Observed(Status status, int attempts) {
    }

    private void count(Consumer<EventRegistryMetrics> outcome) {
        if (metrics != null) {
            outcome.accept(metrics);
        }
    }

    private void putIfAbsent(String target, Map<String, AttributeValue> item) {
        try {
            client.putItem(request -> request.tableName(target).item(item)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
        }
        catch (ConditionalCheckFailedException alreadyThere) {
            // Relayed before (an interrupted commit finished by the sweeper, or a retry): nothing to do.
        }
    }

    private void delete(String target, UUID identifier) {
        client.deleteItem(request -> request.tableName(target).key(key(identifier)));
    }

    private static Map<String, AttributeValue> key(UUID identifier) {
        return Map.of(ID, s(identifier.toString()));
    }

    /** The attribute names an expression uses: DynamoDB refuses unused ones. */
    private static Map<String, String> namesIn(String... expressions) {
        Map<String, String> names = new HashMap<>();
        for (String expression : expressions) {
            NAME_PLACEHOLDER.matcher(expression).results().map(MatchResult::group)
                    .forEach(placeholder -> names.put(placeholder, ATTRIBUTES.get(placeholder)));
        }
        return names;
    }
}
