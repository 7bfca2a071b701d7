package app.studio;

import java.time.Instant;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One generation of content for its owner: item {@code USER#<owner> / GEN#<id>} of the studio table. The brief, the
 * content and the steps of its content saga are kept as JSON documents; the quota month says which month's unit it
 * holds. While a saga step is open, the generation is in the sparse {@code gsi1} index under
 * {@code SAGA#<shard> / <deadline>#<id>}, so the timeout sweeper finds overdue sagas without a scan.
 */
@DynamoDbBean
public class Generation extends OwnedItem {

    static final String SORT_PREFIX = "GEN#";

    private String id;
    private String type;
    private String status;
    private int progress;
    private String brief;
    private String content;
    private String steps;
    private String failureReason;
    private String sagaStatus;
    private String gsi1pk;
    private String gsi1sk;
    private String quotaMonth;
    private Instant createdAt;
    private Instant updatedAt;

    static Generation accepted(String id, String owner, ContentType type, String brief, String quotaMonth,
            Instant now) {
        Generation generation = new Generation();
        generation.id = id;
        generation.setOwner(owner);
        generation.type = type.id();
        generation.status = GenerationStatus.PENDING.name();
        generation.brief = brief;
        generation.steps = "[]";
        generation.quotaMonth = quotaMonth;
        generation.createdAt = now;
        generation.updatedAt = now;
        return generation;
    }

    static Key key(String owner, String id) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_PREFIX + id).build();
    }

    @DynamoDbIgnore
    ContentType contentType() {
        return ContentType.ofId(type).orElseThrow();
    }

    @DynamoDbIgnore
    GenerationStatus currentStatus() {
        return GenerationStatus.valueOf(status);
    }

    @DynamoDbIgnore
    boolean isFinished() {
        return currentStatus() == GenerationStatus.COMPLETED || currentStatus() == GenerationStatus.FAILED;
    }

    @DynamoDbIgnore
    boolean isFinishedAs(GenerationStatus finalStatus) {
        return currentStatus() == finalStatus;
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_PREFIX + id;
    }

    public void setSk(String sk) {
        // Derived from the id.
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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getProgress() {
        return progress;
    }

    public void setProgress(int progress) {
        this.progress = progress;
    }

    public String getBrief() {
        return brief;
    }

    public void setBrief(String brief) {
        this.brief = brief;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public String getSagaStatus() {
        return sagaStatus;
    }

    public void setSagaStatus(String sagaStatus) {
        this.sagaStatus = sagaStatus;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "gsi1")
    public String getGsi1pk() {
        return gsi1pk;
    }

    public void setGsi1pk(String gsi1pk) {
        this.gsi1pk = gsi1pk;
    }

    @DynamoDbSecondarySortKey(indexNames = "gsi1")
    public String getGsi1sk() {
        return gsi1sk;
    }

    public void setGsi1sk(String gsi1sk) {
        this.gsi1sk = gsi1sk;
    }

    public String getQuotaMonth() {
        return quotaMonth;
    }

    public void setQuotaMonth(String quotaMonth) {
        this.quotaMonth = quotaMonth;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
