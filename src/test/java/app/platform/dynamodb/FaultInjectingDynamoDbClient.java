package app.platform.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that passes every call to the real one (the local engine) unless a fault rule matches the
 * request, in which case the call fails before reaching the engine, as if the process had died at that write
 * boundary. Used by the crash-point tests; without rules it is transparent.
 */
public class FaultInjectingDynamoDbClient implements DynamoDbClient {

    private final DynamoDbClient delegate;
    private final List<Predicate<SdkRequest>> faults = new CopyOnWriteArrayList<>();
    private final List<Predicate<SdkRequest>> slowed = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;

    public FaultInjectingDynamoDbClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    /** Fails every request that matches, until {@link #clearFaults()}. */
    public void failWhen(Predicate<SdkRequest> request) {
        faults.add(request);
    }

    /** Adds this much latency to every request that matches, as a slow network would, until {@link #clearFaults()}. */
    public void slowDown(Predicate<SdkRequest> request, Duration by) {
        latency = by;
        slowed.add(request);
    }

    public void clearFaults() {
        faults.clear();
        slowed.clear();
    }

    /** A predicate for writes (put, update, delete) to the table whose name ends with this suffix. */
    public static Predicate<SdkRequest> writeTo(String tableSuffix) {
        return request -> switch (request) {
            case PutItemRequest put -> put.tableName().endsWith(tableSuffix);
            case UpdateItemRequest update -> update.tableName().endsWith(tableSuffix);
            case DeleteItemRequest delete -> delete.tableName().endsWith(tableSuffix);
            default -> false;
        };
    }

    private <T extends SdkRequest> T check(T request) {
        if (slowed.stream().anyMatch(slow -> slow.test(request))) {
            LockSupport.parkNanos(latency.toNanos());
        }
        for (Predicate<SdkRequest> fault : faults) {
            if (fault.test(request)) {
                throw new InjectedFault(request);
            }
        }
        return request;
    }

    /** The failure a matching request gets. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(SdkRequest request) {
            super("Injected fault at " + request.getClass().getSimpleName());
        }
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return delegate.putItem(check(request));
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return delegate.updateItem(check(request));
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return delegate.deleteItem(check(request));
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return delegate.batchWriteItem(check(request));
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return delegate.getItem(check(request));
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return delegate.query(check(request));
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        return delegate.scan(check(request));
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return delegate.describeTable(request);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return delegate.createTable(request);
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return delegate.deleteTable(request);
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return delegate.listTables(request);
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
