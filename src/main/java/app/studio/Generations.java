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

    Page<Generation> newestOf(String owner, String cursor, int limit) {
        return query(null, QueryConditional.sortBeginsWith(Key.builder().partitionValue("USER#" + owner)
                .sortValue(Generation.SORT_PREFIX).build()), owner, cursor, limit, false);
    }
}
