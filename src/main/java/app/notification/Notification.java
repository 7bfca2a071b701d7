package app.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

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
 *
 * <p>The item also carries its e-mail delivery ({@code emailStatus}, {@code emailAttempts}, {@code emailLastError}),
 * stored with the notification itself. While the e-mail is {@code PENDING} the item sits in the sparse {@code email}
 * index ({@code emailShard / emailDue}), sorted by when the next attempt is due; it leaves the index when the e-mail is
 * sent, has failed for good or is skipped.
 */
@DynamoDbBean
public class Notification extends OwnedItem {

    static final String SORT_PREFIX = "NOTE#";
    static final String EMAIL_INDEX = "email";
    static final int EMAIL_SHARDS = 4;

    private String id;
    private String type;
    private String title;
    private String body;
    private Instant createdAt;
    private boolean read;
    private String emailStatus;
    private int emailAttempts;
    private Instant emailDueAt;
    private String emailLastError;
    private Instant emailSentAt;

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

    /** The sparse e-mail index: present only while the e-mail waits for an attempt. */
    @DynamoDbSecondaryPartitionKey(indexNames = EMAIL_INDEX)
    public String getEmailShard() {
        return isEmailPending() ? emailShardOf(id) : null;
    }

    public void setEmailShard(String emailShard) {
        // Derived from the id and the e-mail status.
    }

    /** When the next attempt is due; sorts the e-mail index. */
    @DynamoDbSecondarySortKey(indexNames = EMAIL_INDEX)
    public String getEmailDue() {
        return isEmailPending() && emailDueAt != null ? SortableTime.format(emailDueAt) : null;
    }

    public void setEmailDue(String emailDue) {
        this.emailDueAt = emailDue == null ? null : SortableTime.parse(emailDue);
    }

    /** The e-mail index partition of a notification: spreads due e-mails over a few partitions. */
    static String emailShardOf(String id) {
        return "EMAIL#" + Math.floorMod(Objects.hashCode(id), EMAIL_SHARDS);
    }

    static List<String> emailShards() {
        return IntStream.range(0, EMAIL_SHARDS).mapToObj(shard -> "EMAIL#" + shard).toList();
    }

    boolean isEmailPending() {
        return EmailStatus.PENDING.name().equals(emailStatus);
    }

    EmailStatus emailStatus() {
        return emailStatus == null ? null : EmailStatus.valueOf(emailStatus);
    }

    /** Records the e-mail's new state; a state other than {@code PENDING} takes the item out of the e-mail index. */
    void emailState(EmailStatus status, Instant dueAt, String lastError) {
        this.emailStatus = status.name();
        this.emailDueAt = status == EmailStatus.PENDING ? dueAt : null;
        this.emailLastError = lastError;
    }

    /** Counts an attempt as begun; no other sender may take the e-mail before {@code dueAt}. */
    void emailAttemptStarted(Instant dueAt) {
        emailAttempts++;
        emailDueAt = dueAt;
    }

    void emailSent(Instant at) {
        emailState(EmailStatus.SENT, null, null);
        emailSentAt = at;
    }

    Instant emailDueAt() {
        return emailDueAt;
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

    public String getEmailStatus() {
        return emailStatus;
    }

    public void setEmailStatus(String emailStatus) {
        this.emailStatus = emailStatus;
    }

    public int getEmailAttempts() {
        return emailAttempts;
    }

    public void setEmailAttempts(int emailAttempts) {
        this.emailAttempts = emailAttempts;
    }

    public String getEmailLastError() {
        return emailLastError;
    }

    public void setEmailLastError(String emailLastError) {
        this.emailLastError = emailLastError;
    }

    public Instant getEmailSentAt() {
        return emailSentAt;
    }

    public void setEmailSentAt(Instant emailSentAt) {
        this.emailSentAt = emailSentAt;
    }
}
