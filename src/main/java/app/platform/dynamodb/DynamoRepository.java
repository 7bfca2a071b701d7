package app.platform.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Base of a module's repository of one aggregate type in the module's table.
 *
 * <p>Items carry a version attribute ({@code @DynamoDbVersionAttribute}): {@link #save} writes only over the version
 * it was read at, and a lost race raises {@link StaleItem}. Inside a transaction ({@code @Transactional} with the
 * DynamoDB transaction manager) writes are held in the {@link UnitOfWork} and applied at commit, together with the
 * events the transaction published; outside one they are applied at once.
 *
 * @param <T> the item type, mapped with an Enhanced Client {@link TableSchema}
 */
public abstract class DynamoRepository<T> {

    private static final String VERSION_METADATA = "VersionedRecordExtension:VersionAttribute";
    private static final Expression NOT_DELETED = Expression.builder()
            .expression("attribute_not_exists(#deletedAt)")
            .putExpressionName("#deletedAt", ItemWriter.DELETED_AT)
            .build();

    private final DynamoDbTable<T> table;
    private final TableSchema<T> schema;
    private final DynamoDbClient client;
    private final ItemWriter writer;
    private final CursorCodec cursors;
    private final HandledEventReceipts receipts;
    private final Optional<String> versionAttribute;

    protected DynamoRepository(DynamoDbPlatform platform, String logicalTable, TableSchema<T> schema) {
        this.table = platform.tables().table(logicalTable, schema);
        this.schema = schema;
        this.client = platform.client();
        this.writer = platform.writer();
        this.cursors = platform.cursors();
        this.receipts = platform.receipts();
        this.versionAttribute = schema.tableMetadata().customMetadataObject(VERSION_METADATA, String.class);
    }

    /**
     * The item with this key, as the current transaction sees it. A key no item can have (over DynamoDB's key size
     * limits, e.g. an id from a client) finds nothing rather than an error.
     */
    public Optional<T> find(Key key) {
        if (exceedsKeyLimits(key)) {
            return Optional.empty();
        }
        UnitOfWork.AggregateRef aggregate = ref(key);
        Optional<UnitOfWork.PendingWrite> pending = UnitOfWork.current().flatMap(work -> work.pendingFor(aggregate));
        if (pending.isPresent()) {
            return Optional.ofNullable(schema.itemType().rawClass().cast(pending.get().itemAfter()));
        }
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table.tableName())
                .key(aggregate.key()).consistentRead(true)).item();
        if (item == null || item.isEmpty() || item.containsKey(ItemWriter.DELETED_AT)) {
            return Optional.empty();
        }
        return Optional.of(schema.mapToItem(item));
    }

    /** Creates the item; {@link DuplicateItem} if an item with its key exists. */
    public void create(T item) {
        Map<String, AttributeValue> attributes = new HashMap<>(schema.itemToMap(item, true));
        versionAttribute.ifPresent(version -> attributes.put(version, AttributeValue.fromN(
                Long.toString(currentVersion(attributes, version).orElse(0L) + 1))));
        ItemWrite.Condition absent = new ItemWrite.Condition("attribute_not_exists(#pk)",
                Map.of("#pk", schema.tableMetadata().primaryPartitionKey()), Map.of());
        write(item, new ItemWrite(table.tableName(), keyOf(item), attributes, absent, true));
    }

    /** Writes the item over the version it was read at (or creates it when it has no version yet). */
    public void save(T item) {
        spillHandledEvents(item);
        Map<String, AttributeValue> attributes = new HashMap<>(schema.itemToMap(item, true));
        ItemWrite.Condition condition = null;
        if (versionAttribute.isPresent()) {
            String version = versionAttribute.get();
            Optional<Long> current = currentVersion(attributes, version);
            condition = current
                    .map(read -> new ItemWrite.Condition("#version = :version", Map.of("#version", version),
                            Map.of(":version", AttributeValue.fromN(Long.toString(read)))))
                    .orElse(new ItemWrite.Condition("attribute_not_exists(#version)", Map.of("#version", version),
                            Map.of()));
            attributes.put(version, AttributeValue.fromN(Long.toString(current.orElse(0L) + 1)));
        }
        write(item, new ItemWrite(table.tableName(), keyOf(item), attributes, condition, false));
    }

    /**
     * Whether the aggregate, as read in this transaction, already reacted to the event with this id (recorded by
     * {@link Aggregate#markHandled}). Its item answers for its recent events; an aggregate that handled more than its
     * item keeps costs one consistent read of a receipt, for as long as receipts are kept.
     *
     * @param aggregate an item of this repository, a subclass of {@link Aggregate}
     */
    public boolean hasHandled(T aggregate, UUID eventId) {
        if (!(aggregate instanceof Aggregate handled)) {
            throw new IllegalArgumentException(aggregate + " is not an Aggregate: it records no handled events");
        }
        return receipts.hasHandled(handled, table.tableName(), keyOf(aggregate), eventId);
    }

    /** Deletes the item with this key, if there is one. */
    public void delete(Key key) {
        write(null, new ItemWrite(table.tableName(), key.primaryKeyMap(schema), null, null, false));
    }

    /**
     * One page of the items matching a key condition, on the table or one of its indexes.
     *
     * @param index the index name, or {@code null} for the table
     * @param scope what the query selects (e.g. the partition value); a cursor is only accepted for the same scope
     * @param cursor the cursor of the previous page, or {@code null} for the first
     */
    protected Page<T> query(String index, QueryConditional condition, String scope, String cursor, int limit,
            boolean forward) {
        return query(index, condition, null, scope, cursor, limit, forward);
    }

    /**
     * One page of the items matching a key condition and a filter. DynamoDB filters after reading {@code limit}
     * items, so a page may hold fewer items than the limit (even none) and still have a next cursor.
     *
     * @param filter a filter expression on the items' attributes, or {@code null}; the scope must say what it
     *     selects, so a cursor of another filter is refused
     */
    protected Page<T> query(String index, QueryConditional condition, Expression filter, String scope, String cursor,
            int limit, boolean forward) {
        String fullScope = table.tableName() + "|" + (index == null ? "" : index) + "|" + scope;
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(condition)
                .filterExpression(filter == null ? NOT_DELETED
                        : Expression.join(NOT_DELETED, filter, " AND "))
                .exclusiveStartKey(cursors.decode(fullScope, cursor))
                .limit(limit)
                .scanIndexForward(forward)
                .build();
        SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<T>> pages =
                index == null ? table.query(request) : table.index(index).query(request);
        software.amazon.awssdk.enhanced.dynamodb.model.Page<T> page = pages.iterator().next();
        return new Page<>(page.items(), cursors.encode(fullScope, page.lastEvaluatedKey()));
    }

    /** DynamoDB refuses partition keys over 2048 bytes and sort keys over 1024 bytes. */
    private static boolean exceedsKeyLimits(Key key) {
        return utf8Length(key.partitionKeyValue()) > 2048
                || key.sortKeyValue().map(value -> utf8Length(value) > 1024).orElse(false);
    }

    private static int utf8Length(AttributeValue value) {
        return value.s() == null ? 0 : value.s().getBytes(StandardCharsets.UTF_8).length;
    }

    protected TableMetadata metadata() {
        return schema.tableMetadata();
    }

    private void write(T itemAfter, ItemWrite write) {
        Optional<UnitOfWork> unitOfWork = UnitOfWork.current();
        if (unitOfWork.isPresent()) {
            unitOfWork.get().register(new UnitOfWork.PendingWrite(
                    new UnitOfWork.AggregateRef(write.table(), write.key()), itemAfter, write));
        }
        else {
            writer.apply(write);
        }
    }

    /** Moves the ids an aggregate's item can no longer keep inline to receipts, before the item is written. */
    private void spillHandledEvents(T item) {
        if (item instanceof Aggregate aggregate) {
            receipts.spill(aggregate, table.tableName(), keyOf(item));
        }
    }

    private Map<String, AttributeValue> keyOf(T item) {
        return table.keyFrom(item).primaryKeyMap(schema);
    }

    private static Optional<Long> currentVersion(Map<String, AttributeValue> attributes, String version) {
        return Optional.ofNullable(attributes.get(version)).map(AttributeValue::n).map(Long::valueOf);
    }

    private UnitOfWork.AggregateRef ref(Key key) {
        return new UnitOfWork.AggregateRef(table.tableName(), key.primaryKeyMap(schema));
    }
}
