package app.integrations;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.Page;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A user's scheduled posts, newest first; and the posts whose next attempt is due. */
@Repository
class ScheduledPosts extends DynamoRepository<ScheduledPost> {

    ScheduledPosts(DynamoDbPlatform platform) {
        super(platform, "publishing", TableSchema.fromBean(ScheduledPost.class));
    }

    Page<ScheduledPost> newestOf(String owner, String cursor, int limit) {
        return query("gsi1", QueryConditional.keyEqualTo(Key.builder().partitionValue(ScheduledPost.listOf(owner))
                .build()), owner, cursor, limit, false);
    }

    /** Posts of one due index partition whose next attempt is due, the longest due first. */
    List<ScheduledPost> due(String shard, Instant now, int limit) {
        return query(ScheduledPost.DUE_INDEX, QueryConditional.sortLessThanOrEqualTo(Key.builder()
                .partitionValue(shard).sortValue(SortableTime.format(now)).build()), "due|" + shard, null, limit,
                true).items();
    }
}
