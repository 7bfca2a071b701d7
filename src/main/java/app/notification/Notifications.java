package app.notification;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.Page;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A user's inbox, newest first. */
@Repository
class Notifications extends DynamoRepository<Notification> {

    Notifications(DynamoDbPlatform platform) {
        super(platform, "notification", TableSchema.fromBean(Notification.class));
    }

    Page<Notification> newestOf(String owner, String cursor, int limit) {
        return query("gsi1", QueryConditional.keyEqualTo(Key.builder().partitionValue(Notification.inboxOf(owner))
                .build()), owner, cursor, limit, false);
    }
}
