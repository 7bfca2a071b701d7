package app.platform.jobs;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import app.platform.dynamodb.OwnedItem;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A background job: item {@code USER#<owner> / JOB#<id>} of the platform table. While it is {@code PENDING} or
 * {@code RUNNING} it carries a lease ({@code leaseUntil}, renewed with every unit's progress) and sits in the sparse
 * {@code gsi1} index ({@code JOB-LEASE#<shard> / <leaseUntil>}), where the sweeper finds leases that expired; a
 * final job leaves the index. Each run has its own {@code runId}: a worker whose run was taken over notices it at
 * its next write and stops.
 */
@DynamoDbBean
public class Job extends OwnedItem {

    static final String SORT_PREFIX = "JOB#";
    static final String LEASE_INDEX = "gsi1";
    static final String LEASE_PARTITION = "JOB-LEASE#";
    static final int LEASE_SHARDS = 4;
    private static final int MAX_REASON = 500;

    private String id;
    private String kind;
    private String status;
    private int total;
    private int done;
    private int failed;
    private String outcomes = "[]";
    private Map<String, String> result = new HashMap<>();
    private String failureReason;
    private String runId;
    private Instant leaseUntil;
    private int attempts;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;

    static Job submitted(String id, String owner, String kind, int total, Instant now, Instant leaseUntil) {
        Job job = new Job();
        job.id = id;
        job.setOwner(owner);
        job.kind = kind;
        job.status = JobStatus.PENDING.name();
        job.total = total;
        job.createdAt = now;
        job.leaseUntil = leaseUntil;
        return job;
    }

    static Key key(String owner, String id) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_PREFIX + id).build();
    }

    static String leaseShard(int shard) {
        return LEASE_PARTITION + shard;
    }

    JobStatus status() {
        return JobStatus.valueOf(status);
    }

    /** Ends the job for good; it leaves the lease index. */
    void end(JobStatus outcome, String reason, Instant now) {
        status = outcome.name();
        failureReason = reason == null || reason.length() <= MAX_REASON ? reason
                : reason.substring(0, MAX_REASON - 1) + "…";
        finishedAt = now;
        leaseUntil = null;
        runId = null;
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_PREFIX + id;
    }

    public void setSk(String sk) {
        // Derived from the id.
    }

    @DynamoDbSecondaryPartitionKey(indexNames = LEASE_INDEX)
    public String getGsi1pk() {
        return status != null && !status().isFinal() && leaseUntil != null
                ? leaseShard(Math.floorMod(id.hashCode(), LEASE_SHARDS)) : null;
    }

    public void setGsi1pk(String gsi1pk) {
        // Derived from the status and the id.
    }

    @DynamoDbSecondarySortKey(indexNames = LEASE_INDEX)
    public String getGsi1sk() {
        return getGsi1pk() == null ? null : SortableTime.format(leaseUntil);
    }

    public void setGsi1sk(String gsi1sk) {
        // Derived from the lease.
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public int getDone() {
        return done;
    }

    public void setDone(int done) {
        this.done = done;
    }

    public int getFailed() {
        return failed;
    }

    public void setFailed(int failed) {
        this.failed = failed;
    }

    /** The ended units' outcomes, as a JSON array of {unit, reference, error}. */
    public String getOutcomes() {
        return outcomes;
    }

    public void setOutcomes(String outcomes) {
        this.outcomes = outcomes == null ? "[]" : outcomes;
    }

    public Map<String, String> getResult() {
        return result;
    }

    public void setResult(Map<String, String> result) {
        this.result = result == null ? new HashMap<>() : new HashMap<>(result);
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Instant leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }
}
