package app.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Authorizations waiting for their callback. Not aggregates: written once and consumed once, each with one
 * conditional request, outside any unit of work.
 */
@Repository
class PendingAuthorizations {

    private static final Expression EXISTS = Expression.builder().expression("attribute_exists(pk)").build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbTable<PendingAuthorization> table;

    PendingAuthorizations(DynamoDbPlatform platform) {
        this.table = platform.tables().table(IntegrationsTable.CONNECTIONS,
                TableSchema.fromBean(PendingAuthorization.class));
    }

    void add(PendingAuthorization pending) {
        table.putItem(PutItemEnhancedRequest.builder(PendingAuthorization.class).item(pending)
                .conditionExpression(ABSENT).build());
    }

    /**
     * Removes and answers the authorization started with this state, if there is one. The delete is conditional on
     * the item being there, so of two callbacks presenting the same state exactly one gets it.
     */
    Optional<PendingAuthorization> consume(String state) {
        if (state == null || state.isBlank() || state.length() > 512) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(table.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(PendingAuthorization.key(state)).conditionExpression(EXISTS).build()));
        }
        catch (ConditionalCheckFailedException absent) {
            return Optional.empty();
        }
    }

    /** Pending authorizations of one expiry index partition that expired before the given time, oldest first. */
    List<PendingAuthorization> expiredBefore(String shard, Instant before, int limit) {
        return table.index(PendingAuthorization.EXPIRY_INDEX).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue(shard)
                        .sortValue(SortableTime.format(before)).build()))
                .limit(limit).build()).iterator().next().items();
    }

    /** Removes an expired pending authorization, unless a callback consumed it meanwhile. */
    void remove(PendingAuthorization expired) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder().key(Key.builder().partitionValue(expired.getPk())
                    .sortValue(expired.getSk()).build()).conditionExpression(EXISTS).build());
        }
        catch (ConditionalCheckFailedException consumed) {
            // A callback took it first (and found it expired).
        }
    }
}
