package app.platform.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Loses the response of a request DynamoDB has applied, as a connection reset while the response travels back would:
 * the attempt fails with an I/O error after the engine answered, and the SDK's own retry policy sends the identical
 * request again. The retry then meets the state the lost attempt left (a condition that no longer holds, say), which is
 * what the writer must cope with.
 *
 * <p>Registered as an execution interceptor on the application's DynamoDB client (through Spring Cloud AWS's client
 * customizer), so it sits inside the real SDK client, below its retry stage, and behind the
 * {@link FaultInjectingDynamoDbClient}. Without a rule it is transparent.
 */
@Component
public class LostResponses implements ExecutionInterceptor, DynamoDbClientCustomizer {

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<SdkRequest> lost = new CopyOnWriteArrayList<>();
    private final Map<SdkRequest, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public void customize(DynamoDbClientBuilder builder) {
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder().addExecutionInterceptor(this)
                .build());
    }

    /**
     * Loses the response of the next request that matches, once: the request is applied, its attempt fails, the SDK
     * sends it again. Several rules lose one response each.
     */
    public void loseResponseOnce(Predicate<SdkRequest> request) {
        loseResponseOnce(request, () -> {
        });
    }

    /**
     * Loses the response of the next request that matches, once, and runs {@code meanwhile} after DynamoDB applied it
     * and before the SDK sends it again: another writer's change, say.
     */
    public void loseResponseOnce(Predicate<SdkRequest> request, Runnable meanwhile) {
        rules.add(new Rule(request, meanwhile));
    }

    /** The requests whose response was lost, in order. */
    public List<SdkRequest> lost() {
        return List.copyOf(lost);
    }

    /** How often the SDK transmitted this request whose response was lost: 2 once its retry was sent. */
    public int transmissions(SdkRequest request) {
        AtomicInteger count = attempts.get(request);
        return count == null ? 0 : count.get();
    }

    public void clear() {
        rules.clear();
        lost.clear();
        attempts.clear();
    }

    /** A predicate for item writes (put, update, delete) to the table whose name ends with this suffix. */
    public static Predicate<SdkRequest> writeTo(String tableSuffix) {
        return FaultInjectingDynamoDbClient.writeTo(tableSuffix);
    }

    /** A predicate for puts to the table whose name ends with this suffix of items matching {@code item}. */
    public static Predicate<SdkRequest> putTo(String tableSuffix, Predicate<Map<String, AttributeValue>> item) {
        return request -> request instanceof PutItemRequest put && put.tableName().endsWith(tableSuffix)
                && item.test(put.item());
    }

    /** A predicate for deletes and updates of the item with this key attribute value in a table with this suffix. */
    public static Predicate<SdkRequest> changeOf(String tableSuffix, String keyAttribute, String keyValue) {
        return request -> switch (request) {
            case DeleteItemRequest delete -> delete.tableName().endsWith(tableSuffix)
                    && keyValue.equals(delete.key().get(keyAttribute).s());
            case UpdateItemRequest update -> update.tableName().endsWith(tableSuffix)
                    && keyValue.equals(update.key().get(keyAttribute).s());
            default -> false;
        };
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        AtomicInteger count = attempts.get(context.request());
        if (count != null) {
            count.incrementAndGet();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!context.httpResponse().isSuccessful() || lost.contains(request)) {
            return;
        }
        for (Rule rule : rules) {
            if (rule.request().test(request) && rules.remove(rule)) {
                lost.add(request);
                attempts.put(request, new AtomicInteger(1));
                context.responseBody().ifPresent(LostResponses::close);
                rule.meanwhile().run();
                throw SdkClientException.create("Injected loss of the response to a "
                        + request.getClass().getSimpleName() + " DynamoDB applied",
                        new IOException("Connection reset"));
            }
        }
    }

    private record Rule(Predicate<SdkRequest> request, Runnable meanwhile) {
    }

    private static void close(InputStream body) {
        try {
            body.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
