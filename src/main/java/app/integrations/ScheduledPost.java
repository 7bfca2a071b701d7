package app.integrations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import app.platform.dynamodb.OwnedItem;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A generated social post on its way to one publishing target: item {@code USER#<owner> / POST#<id>} of the
 * publishing table, listed newest first through {@code gsi1} ({@code POSTS#<owner> / <createdAt>#<id>}). Its id is
 * derived from the generation, the post's platform and the target, so a redelivered event finds the post there.
 *
 * <p>While it is {@code SCHEDULED} or {@code PUBLISHING} the item sits in the sparse {@code due} index
 * ({@code dueShard / dueAt}), sorted by when its next attempt is due (for a post being published: when its attempt
 * times out); it leaves the index once published, failed or cancelled.
 */
@DynamoDbBean
public class ScheduledPost extends OwnedItem {

    static final String SORT_PREFIX = "POST#";
    static final String DUE_INDEX = "due";
    static final int DUE_SHARDS = 4;
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");

    private String id;
    private String generationId;
    private String target;
    private String platform;
    private String text;
    private Instant scheduledFor;
    private String status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant publishedAt;
    private Instant createdAt;

    static ScheduledPost of(String owner, String generationId, String target, String platform, String text,
            Instant scheduledFor, Instant now) {
        ScheduledPost post = new ScheduledPost();
        post.id = idFor(generationId, platform, target);
        post.setOwner(owner);
        post.generationId = generationId;
        post.target = target;
        post.platform = platform;
        post.text = text;
        post.scheduledFor = scheduledFor;
        post.status = PostStatus.SCHEDULED.name();
        post.nextAttemptAt = scheduledFor;
        post.createdAt = now;
        return post;
    }

    static String idFor(String generationId, String platform, String target) {
        return UUID.nameUUIDFromBytes(("post:" + generationId + ":" + platform + ":" + target)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Key key(String owner, String id) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_PREFIX + id).build();
    }

    static String listOf(String owner) {
        return "POSTS#" + owner;
    }

    static List<String> dueShards() {
        return IntStream.range(0, DUE_SHARDS).mapToObj(shard -> "DUE#" + shard).toList();
    }

    /** The hashtags of the text, in order of appearance. */
    List<String> hashtags() {
        List<String> tags = new ArrayList<>();
        Matcher matcher = HASHTAG.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (!tags.contains(matcher.group())) {
                tags.add(matcher.group());
            }
        }
        return tags;
    }

    PostStatus status() {
        return PostStatus.valueOf(status);
    }

    @DynamoDbIgnore
    boolean isOpen() {
        return status() == PostStatus.SCHEDULED || status() == PostStatus.PUBLISHING;
    }

    /** Whether an attempt may start now: scheduled and due, or publishing and its attempt timed out. */
    boolean isDue(Instant now) {
        return isOpen() && !nextAttemptAt.isAfter(now);
    }

    /** Counts an attempt as begun; no other dispatcher may take the post before {@code timeoutAt}. */
    void attemptStarted(Instant timeoutAt) {
        attempts++;
        status = PostStatus.PUBLISHING.name();
        nextAttemptAt = timeoutAt;
    }

    void published(Instant at) {
        status = PostStatus.PUBLISHED.name();
        publishedAt = at;
        nextAttemptAt = null;
        lastError = null;
    }

    void retryAt(Instant at, String error) {
        status = PostStatus.SCHEDULED.name();
        nextAttemptAt = at;
        lastError = error;
    }

    void failed(String error) {
        status = PostStatus.FAILED.name();
        nextAttemptAt = null;
        lastError = error;
    }

    void cancel() {
        status = PostStatus.CANCELLED.name();
        nextAttemptAt = null;
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
        return listOf(getOwner());
    }

    public void setGsi1pk(String gsi1pk) {
        // Derived from the owner.
    }

    @DynamoDbSecondarySortKey(indexNames = "gsi1")
    public String getGsi1sk() {
        return SortableTime.format(createdAt) + "#" + id;
    }

    public void setGsi1sk(String gsi1sk) {
        // Derived from the creation time and id.
    }

    /** The due index partition: spreads due posts over a few partitions; absent once the post is settled. */
    @DynamoDbSecondaryPartitionKey(indexNames = DUE_INDEX)
    public String getDueShard() {
        return isOpen() ? "DUE#" + Math.floorMod(Objects.hashCode(id), DUE_SHARDS) : null;
    }

    public void setDueShard(String dueShard) {
        // Derived from the id and the status.
    }

    @DynamoDbSecondarySortKey(indexNames = DUE_INDEX)
    public String getDueAt() {
        return isOpen() && nextAttemptAt != null ? SortableTime.format(nextAttemptAt) : null;
    }

    public void setDueAt(String dueAt) {
        // Derived from the next attempt's time.
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getGenerationId() {
        return generationId;
    }

    public void setGenerationId(String generationId) {
        this.generationId = generationId;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Instant getScheduledFor() {
        return scheduledFor;
    }

    public void setScheduledFor(Instant scheduledFor) {
        this.scheduledFor = scheduledFor;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
