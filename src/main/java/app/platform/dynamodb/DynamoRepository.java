package app.platform.dynamodb;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Base of a module's repository of one aggregate type in the module's table.
 *
 * <p>Items carry a version attribute ({@code @DynamoDbVersionAttribute}): {@link #save} writes only over the version
 * it was read at, and a lost race raises {@link StaleItem}. Inside a transaction ({@code @Transactional} with the
 * DynamoDB transaction manager) writes are held in the {@link UnitOfWork} and applied at commit; outside one they
 * are applied at once.
 *
 * @param <T> the item type, mapped with an Enhanced Client {@link TableSchema}
 */
public abstract class DynamoRepository<T> {

    private final DynamoDbTable<T> table;
    private final TableSchema<T> schema;
    private final CursorCodec cursors;

    protected DynamoRepository(DynamoDbPlatform platform, String logicalTable, TableSchema<T> schema) {
        this.table = platform.tables().table(logicalTable, schema);
        this.schema = schema;
        this.cursors = platform.cursors();
    }

    /** The item with this key, as the current transaction sees it. */
    public Optional<T> find(Key key) {
        UnitOfWork.AggregateRef aggregate = ref(key);
        Optional<UnitOfWork.PendingWrite> pending = UnitOfWork.current().flatMap(work -> work.pendingFor(aggregate));
        if (pending.isPresent()) {
            return Optional.ofNullable(schema.itemType().rawClass().cast(pending.get().itemAfter()));
        }
        return Optional.ofNullable(table.getItem(request -> request.key(key).consistentRead(true)));
    }

    /** Creates the item; {@link DuplicateItem} if an item with its key exists. */
    public void create(T item) {
        Key key = table.keyFrom(item);
        String partitionKey = schema.tableMetadata().primaryPartitionKey();
        Expression absent = Expression.builder()
                .expression("attribute_not_exists(#pk)")
                .putExpressionName("#pk", partitionKey)
                .build();
        write(key, item, () -> translate(key, true,
                () -> table.putItem(PutItemEnhancedRequest.builder(schema.itemType().rawClass())
                        .item(item)
                        .conditionExpression(absent)
                        .build())));
    }

    /** Writes the item over the version it was read at (or creates it when it has no version yet). */
    public void save(T item) {
        Key key = table.keyFrom(item);
        write(key, item, () -> translate(key, false, () -> table.putItem(item)));
    }

    /** Deletes the item with this key, if there is one. */
    public void delete(Key key) {
        write(key, null, () -> table.deleteItem(key));
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
        String fullScope = table.tableName() + "|" + (index == null ? "" : index) + "|" + scope;
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(condition)
                .exclusiveStartKey(cursors.decode(fullScope, cursor))
                .limit(limit)
                .scanIndexForward(forward)
                .build();
        SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<T>> pages =
                index == null ? table.query(request) : table.index(index).query(request);
        software.amazon.awssdk.enhanced.dynamodb.model.Page<T> page = pages.iterator().next();
        return new Page<>(page.items(), cursors.encode(fullScope, page.lastEvaluatedKey()));
    }

    protected TableMetadata metadata() {
        return schema.tableMetadata();
    }

    private void write(Key key, T itemAfter, Runnable apply) {
        Optional<UnitOfWork> unitOfWork = UnitOfWork.current();
        if (unitOfWork.isPresent()) {
            unitOfWork.get().register(new UnitOfWork.PendingWrite(ref(key), itemAfter, apply));
        }
        else {
            apply.run();
        }
    }

    private void translate(Key key, boolean creating, Runnable write) {
        try {
            write.run();
        }
        catch (ConditionalCheckFailedException conflict) {
            Map<String, AttributeValue> keyMap = key.primaryKeyMap(schema);
            throw creating ? new DuplicateItem(table.tableName(), keyMap, conflict)
                    : new StaleItem(table.tableName(), keyMap, conflict);
        }
    }

    private UnitOfWork.AggregateRef ref(Key key) {
        return new UnitOfWork.AggregateRef(table.tableName(), key.primaryKeyMap(schema));
    }

}
