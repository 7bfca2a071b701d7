package app.studio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's generations of one month: item {@code USER#<owner> / QUOTA#<yyyy-MM>}. A unit is reserved for a
 * generation before the generation exists (two items, two writes), so the reservation first stays pending with the
 * generation's id; whoever next reserves on this quota settles old pending reservations: kept if the generation
 * exists, given back if a crash left none. No unit is leaked, none spent twice.
 */
@DynamoDbBean
public class Quota extends OwnedItem {

    private String month;
    private int used;
    private List<String> pending = new ArrayList<>();

    static Quota empty(String owner, String month) {
        Quota quota = new Quota();
        quota.setOwner(owner);
        quota.month = month;
        return quota;
    }

    static Key key(String owner, String month) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue("QUOTA#" + month).build();
    }

    void reserve(String generationId, Instant now) {
        used++;
        pending.add(generationId + "|" + now);
    }

    void release() {
        used = Math.max(0, used - 1);
    }

    /** Pending reservations made before {@code cutoff}, as generation ids. */
    @DynamoDbIgnore
    List<String> pendingBefore(Instant cutoff) {
        return pending.stream().filter(entry -> Instant.parse(entry.substring(entry.indexOf('|') + 1)).isBefore(cutoff))
                .map(entry -> entry.substring(0, entry.indexOf('|'))).toList();
    }

    void settle(String generationId, boolean generationExists) {
        if (pending.removeIf(entry -> entry.startsWith(generationId + "|")) && !generationExists) {
            release();
        }
    }

    @DynamoDbSortKey
    public String getSk() {
        return "QUOTA#" + month;
    }

    public void setSk(String sk) {
        // Derived from the month.
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public int getUsed() {
        return used;
    }

    public void setUsed(int used) {
        this.used = used;
    }

    public List<String> getPending() {
        return pending;
    }

    public void setPending(List<String> pending) {
        this.pending = pending == null ? new ArrayList<>() : new ArrayList<>(pending);
    }
}
