package app.research;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.platform.dynamodb.OwnedItem;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A keyword tracked for a user with up to ten competitors: item {@code USER#<owner> / TRACKER#<id>} of the research
 * table. It holds its alert rules and its recent ranking history (newest last, bounded), so a refresh is one
 * versioned write of one item, with the events it raises in that item's outbox. Every tracker sits in the sparse
 * {@code gsi1} index under {@code TRACKER#<shard> / <next refresh>#<id>}, so the refresh sweep finds the due ones
 * without a scan.
 */
@DynamoDbBean
public class Tracker extends OwnedItem {

    static final String SORT_PREFIX = "TRACKER#";
    static final int SHARDS = 4;

    private String id;
    private String keyword;
    private String ownDomain;
    private List<String> competitors = new ArrayList<>();
    private String alerts = "{}";
    private String history = "[]";
    private long refreshes;
    private Instant nextRefreshAt;
    private String lastError;
    private Instant lastErrorAt;
    private Instant createdAt;
    private String gsi1pk;
    private String gsi1sk;

    static Tracker of(String id, String owner, String keyword, String ownDomain, List<String> competitors,
            String alerts, Instant now) {
        Tracker tracker = new Tracker();
        tracker.id = id;
        tracker.setOwner(owner);
        tracker.keyword = keyword;
        tracker.ownDomain = ownDomain;
        tracker.competitors = new ArrayList<>(competitors);
        tracker.alerts = alerts;
        tracker.createdAt = now;
        tracker.scheduleRefresh(now);
        return tracker;
    }

    static Key key(String owner, String id) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_PREFIX + id).build();
    }

    static String shardOf(String id) {
        return SORT_PREFIX + Math.floorMod(id.hashCode(), SHARDS);
    }

    /** Sets the next refresh and the tracker's place in the due index. */
    void scheduleRefresh(Instant at) {
        nextRefreshAt = at;
        gsi1pk = shardOf(id);
        gsi1sk = SortableTime.format(at) + "#" + id;
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

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }

    public String getOwnDomain() {
        return ownDomain;
    }

    public void setOwnDomain(String ownDomain) {
        this.ownDomain = ownDomain;
    }

    public List<String> getCompetitors() {
        return competitors;
    }

    public void setCompetitors(List<String> competitors) {
        this.competitors = competitors == null ? new ArrayList<>() : new ArrayList<>(competitors);
    }

    /** The alert rules as JSON ({@link AlertRules}). */
    public String getAlerts() {
        return alerts;
    }

    public void setAlerts(String alerts) {
        this.alerts = alerts == null ? "{}" : alerts;
    }

    /** The recent rankings as a JSON array of {@link RankingSnapshot}, oldest first. */
    public String getHistory() {
        return history;
    }

    public void setHistory(String history) {
        this.history = history == null ? "[]" : history;
    }

    /** How many rankings were recorded since the tracker was created. */
    public long getRefreshes() {
        return refreshes;
    }

    public void setRefreshes(long refreshes) {
        this.refreshes = refreshes;
    }

    public Instant getNextRefreshAt() {
        return nextRefreshAt;
    }

    public void setNextRefreshAt(Instant nextRefreshAt) {
        this.nextRefreshAt = nextRefreshAt;
    }

    /** Why the last refresh failed, or {@code null} when it succeeded. */
    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public Instant getLastErrorAt() {
        return lastErrorAt;
    }

    public void setLastErrorAt(Instant lastErrorAt) {
        this.lastErrorAt = lastErrorAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
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
}
