package app.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import app.platform.dynamodb.OwnedItem;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A message in a user's inbox: item {@code USER#<owner> / NOTE#<id>}, listed newest first through the {@code gsi1}
 * index ({@code INBOX#<owner> / <time>#<id>}). Its id is derived from the event that caused it, so a redelivered
 * event finds the notification there.
 */
@DynamoDbBean
public class Notification extends OwnedItem {

    static final String SORT_PREFIX = "NOTE#";

    private String id;
    private String type;
    private String title;
    private String body;
    private Instant createdAt;
    private boolean read;

    static Notification of(UUID causeEventId, String owner, String type, String title, String body, Instant now) {
        Notification notification = new Notification();
        notification.id = idFor(causeEventId);
        notification.setOwner(owner);
        notification.type = type;
        notification.title = title;
        notification.body = body;
        notification.createdAt = now;
        return notification;
    }

    static String idFor(UUID causeEventId) {
        return UUID.nameUUIDFromBytes(("notification:" + causeEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Key key(String owner, String id) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_PREFIX + id).build();
    }

    static String inboxOf(String owner) {
        return "INBOX#" + owner;
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_PREFIX + id;
    }

    public void setSk(String sk) {
        // Derived from the id.
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "gsi1")
    public String getGsi1pk() {
        return inboxOf(getOwner());
    }

    public void setGsi1pk(String gsi1pk) {
        // Derived from the owner.
    }

    /** Time first, so the inbox sorts by time. */
    @DynamoDbSecondarySortKey(indexNames = "gsi1")
    public String getGsi1sk() {
        return SortableTime.format(createdAt) + "#" + id;
    }

    public void setGsi1sk(String gsi1sk) {
        // Derived from the time and the id.
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public boolean isRead() {
        return read;
    }

    public void setRead(boolean read) {
        this.read = read;
    }
}
