package app.platform.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionTemplate;

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
 * events the transaction published; outside one they are applied at once. A read-change-save goes through
 * {@link #update}, which retries a lost race and is safe when a write's response is lost.
 *
 * @param <T> the item type, mapped with an Enhanced Client {@link TableSchema}
 */
public abstract class DynamoRepository<T> {

    private static final int UPDATE_ATTEMPTS = 10;
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
    private final TransactionTemplate transactions;
    private final RecentWriters recentWriters = new RecentWriters();

    protected DynamoRepository(DynamoDbPlatform platform, String logicalTable, TableSchema<T> schema) {
        this.table = platform.tables().table(logicalTable, schema);
        this.schema = schema;
        this.client = platform.client();
        this.writer = platform.writer();
        this.cursors = platform.cursors();
        this.receipts = platform.receipts();
        this.versionAttribute = schema.tableMetadata().customMetadataObject(VERSION_METADATA, String.class);
        this.transactions = new TransactionTemplate(platform.transactionManager());
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
        recentWriters.read(aggregate.key(), versionAttribute.map(item::get).orElse(null), ItemWriter.writersOf(item));
        return Optional.of(schema.mapToItem(item));
    }

    /** Creates the item; {@link DuplicateItem} if an item with its key exists. */
    public void create(T item) {
        created(item);
    }

    /** Writes the item over the version it was read at (or creates it when it has no version yet). */
    public void save(T item) {
        saved(item);
    }

    /** Deletes the item with this key, if there is one. */
    public void delete(Key key) {
        write(null, new ItemWrite(table.tableName(), key.primaryKeyMap(schema), null, null, false, List.of()));
    }

    /**
     * Reads the item, changes it and writes it back over the version it read: a read-change-save that neither loses
     * another writer's change nor applies its own twice. When another writer changed the item between the read and
     * the write, it reads it again and applies the change to what it finds, at most {@value #UPDATE_ATTEMPTS} times
     * (then {@link StaleItem}); a write whose response was lost after DynamoDB applied it counts as done, so the change
     * is not applied a second time.
     *
     * <p>Each attempt is a transaction: the change may publish the events of the change, which commit with the item.
     * Called inside a transaction, the update joins it, once: its write, and a conflict, come at that transaction's
     * commit, which the caller retries as a whole.
     *
     * @param change changes the item in place; it runs again for each attempt, on the item as read then
     * @return the item as written, or empty when there is none (nothing is written)
     */
    public Optional<T> update(Key key, Consumer<? super T> change) {
        return updateIfChanged(key, item -> {
            change.accept(item);
            return true;
        });
    }

    /**
     * {@link #update(Key, Consumer)} for a change that may find nothing to do: nothing is written (and no event
     * published) when it answers {@code false}.
     *
     * @param change changes the item in place and tells whether it changed anything
     * @return the item as written, or as found when the change had nothing to do; empty when there is none
     */
    public Optional<T> updateIfChanged(Key key, Predicate<? super T> change) {
        return withRetries(() -> find(key).map(item -> change.test(item) ? mapped(saved(item)) : item));
    }

    /**
     * {@link #update(Key, Consumer)} of an item that may not exist yet: the change then applies to {@code initial}'s
     * new item, which is created (by another writer first, it is read and changed instead).
     *
     * @return the item as written
     */
    public T updateOrCreate(Key key, Supplier<? extends T> initial, Consumer<? super T> change) {
        return withRetries(() -> {
            Optional<T> found = find(key);
            T item = found.orElseGet(initial);
            change.accept(item);
            return Optional.of(mapped(found.isPresent() ? saved(item) : created(item)));
        }).orElseThrow();
    }

    private Optional<T> withRetries(Supplier<Optional<T>> attempt) {
        for (int run = 1; ; run++) {
            try {
                return transactions.execute(status -> attempt.get());
            }
            catch (ItemConflict anotherWriterWasFaster) {
                if (run == UPDATE_ATTEMPTS) {
                    throw anotherWriterWasFaster;
                }
            }
        }
    }

    /** Writes a new item; the attributes written. */
    private Map<String, AttributeValue> created(T item) {
        Map<String, AttributeValue> attributes = new HashMap<>(schema.itemToMap(item, true));
        versionAttribute.ifPresent(version -> attributes.put(version, AttributeValue.fromN(
                Long.toString(currentVersion(attributes, version).orElse(0L) + 1))));
        ItemWrite.Condition absent = new ItemWrite.Condition("attribute_not_exists(#pk)",
                Map.of("#pk", schema.tableMetadata().primaryPartitionKey()), Map.of());
        write(item, new ItemWrite(table.tableName(), keyOf(item), attributes, absent, true, List.of()));
        return attributes;
    }

    /** Writes the item over the version it was read at, carrying on the writers it was read with; what it wrote. */
    private Map<String, AttributeValue> saved(T item) {
        spillHandledEvents(item);
        Map<String, AttributeValue> attributes = new HashMap<>(schema.itemToMap(item, true));
        Map<String, AttributeValue> key = keyOf(item);
        ItemWrite.Condition condition = null;
        List<String> earlierWriters = recentWriters.of(key, null);
        if (versionAttribute.isPresent()) {
            String version = versionAttribute.get();
            Optional<Long> current = currentVersion(attributes, version);
            condition = current
                    .map(read -> new ItemWrite.Condition("#version = :version", Map.of("#version", version),
                            Map.of(":version", AttributeValue.fromN(Long.toString(read)))))
                    .orElse(new ItemWrite.Condition("attribute_not_exists(#version)", Map.of("#version", version),
                            Map.of()));
            earlierWriters = recentWriters.of(key, attributes.get(version));
            attributes.put(version, AttributeValue.fromN(Long.toString(current.orElse(0L) + 1)));
        }
        write(item, new ItemWrite(table.tableName(), key, attributes, condition, false, earlierWriters));
        return attributes;
    }

    private T mapped(Map<String, AttributeValue> attributes) {
        return schema.mapToItem(attributes);
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
            writer.apply(write, UUID.randomUUID().toString());
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
