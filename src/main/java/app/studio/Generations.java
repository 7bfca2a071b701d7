package app.studio;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.Page;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A user's generations, newest first (ids are time-ordered). */
@Repository
class Generations extends DynamoRepository<Generation> {

    Generations(DynamoDbPlatform platform) {
        super(platform, "studio", TableSchema.fromBean(Generation.class));
    }

    /** The generations of one index shard with a saga step due at or before this time (sortable), earliest first. */
    Page<Generation> sagasDueBy(String shard, String time, String cursor) {
        return query("gsi1", QueryConditional.sortLessThan(Key.builder().partitionValue(shard).sortValue(time + "$")
                .build()), shard + "|" + time, cursor, 100, true);
    }

    Page<Generation> newestOf(String owner, String cursor, int limit) {
        return query(null, QueryConditional.sortBeginsWith(Key.builder().partitionValue("USER#" + owner)
                .sortValue(Generation.SORT_PREFIX).build()), owner, cursor, limit, false);
    }
}
