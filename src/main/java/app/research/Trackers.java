package app.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.OwnedItem;
import app.platform.dynamodb.Page;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Users' trackers, and the due ones through the sparse refresh index. */
@Repository
class Trackers extends DynamoRepository<Tracker> {

    private static final int PAGE = 100;

    Trackers(DynamoDbPlatform platform) {
        super(platform, "research", TableSchema.fromBean(Tracker.class));
    }

    /** Every tracker of the owner (a bounded number), newest first. */
    List<Tracker> allOf(String owner) {
        List<Tracker> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Tracker> page = query(null, QueryConditional.sortBeginsWith(Key.builder()
                    .partitionValue(OwnedItem.partitionOf(owner)).sortValue(Tracker.SORT_PREFIX).build()), owner,
                    cursor, PAGE, true);
            all.addAll(page.items());
            cursor = page.nextCursor();
        }
        while (cursor != null);
        all.sort(Comparator.comparing(Tracker::getCreatedAt).reversed().thenComparing(Tracker::getId));
        return all;
    }

    /** The trackers of one index shard due at or before this time (sortable), earliest first. */
    Page<Tracker> dueBy(String shard, String time, String cursor, int limit) {
        return query("gsi1", QueryConditional.sortLessThan(Key.builder().partitionValue(shard).sortValue(time + "$")
                .build()), shard + "|" + time, cursor, limit, true);
    }
}
