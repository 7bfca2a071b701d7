package app.platform.jobs;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The jobs in the platform table; and, through the lease index, those whose lease has expired. */
@Repository
class JobItems extends DynamoRepository<Job> {

    JobItems(DynamoDbPlatform platform) {
        super(platform, "platform", TableSchema.fromBean(Job.class));
    }

    /** Jobs of one lease index partition whose lease expired before {@code now}, the longest expired first. */
    List<Job> leaseExpired(int shard, Instant now, int limit) {
        return query(Job.LEASE_INDEX, QueryConditional.sortLessThan(Key.builder().partitionValue(Job.leaseShard(shard))
                .sortValue(SortableTime.format(now)).build()), "lease|" + shard, null, limit, true).items();
    }
}
