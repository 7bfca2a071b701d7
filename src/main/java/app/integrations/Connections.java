package app.integrations;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Users' connections to providers. */
@Repository
class Connections extends DynamoRepository<Connection> {

    /** More than any user connects; the list is one page. */
    private static final int MAX_PER_USER = 100;

    Connections(DynamoDbPlatform platform) {
        super(platform, IntegrationsTable.CONNECTIONS, TableSchema.fromBean(Connection.class));
    }

    List<Connection> of(String owner) {
        return query(null, QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(Connection.partitionOf(owner)).sortValue(Connection.sortKeyPrefix()).build()),
                "connections|" + owner, null, MAX_PER_USER, true).items();
    }

    /** Connections of one refresh index partition whose access token expires before the given time, soonest first. */
    List<Connection> expiringBefore(String shard, Instant before, int limit) {
        return query(Connection.REFRESH_INDEX, QueryConditional.sortLessThanOrEqualTo(Key.builder()
                .partitionValue(shard).sortValue(SortableTime.format(before)).build()), "refresh|" + shard, null,
                limit, true).items();
    }
}
