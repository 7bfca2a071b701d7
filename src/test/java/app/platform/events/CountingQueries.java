package app.platform.events;

import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A client that counts the items its queries read; it only queries. */
final class CountingQueries implements DynamoDbClient {

    private final DynamoDbClient delegate;
    private final AtomicInteger items = new AtomicInteger();

    CountingQueries(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    int items() {
        return items.get();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        QueryResponse response = delegate.query(request);
        items.addAndGet(response.count());
        return response;
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
    }
}
