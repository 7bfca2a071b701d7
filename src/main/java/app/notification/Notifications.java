package app.notification;

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

/** A user's inbox, newest first; and the notifications whose e-mail is due for an attempt. */
@Repository
class Notifications extends DynamoRepository<Notification> {

    Notifications(DynamoDbPlatform platform) {
        super(platform, "notification", TableSchema.fromBean(Notification.class));
    }

    Page<Notification> newestOf(String owner, String cursor, int limit) {
        return query("gsi1", QueryConditional.keyEqualTo(Key.builder().partitionValue(Notification.inboxOf(owner))
                .build()), owner, cursor, limit, false);
    }

    /** Notifications of one e-mail index partition whose e-mail attempt is due, the longest due first. */
    List<Notification> emailsDue(String shard, Instant now, int limit) {
        return query(Notification.EMAIL_INDEX, QueryConditional.sortLessThanOrEqualTo(Key.builder()
                .partitionValue(shard).sortValue(SortableTime.format(now)).build()), "due|" + shard, null, limit,
                true).items();
    }
}
