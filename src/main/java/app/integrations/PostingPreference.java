package app.integrations;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * When a user likes their posts to go out: a local time of day in a time zone. Item
 * {@code USER#<owner> / PREFERENCES} of the publishing table.
 */
@DynamoDbBean
public class PostingPreference extends OwnedItem {

    static final String SORT_KEY = "PREFERENCES";

    private String postingTime;
    private String zone;

    static PostingPreference of(String owner, LocalTime postingTime, ZoneId zone) {
        PostingPreference preference = new PostingPreference();
        preference.setOwner(owner);
        preference.postingTime = postingTime.toString();
        preference.zone = zone.getId();
        return preference;
    }

    static Key key(String owner) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_KEY).build();
    }

    /** The first posting time after {@code now}. */
    Instant nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(ZoneId.of(zone));
        ZonedDateTime candidate = local.with(LocalTime.parse(postingTime));
        return (candidate.isAfter(local) ? candidate : candidate.plusDays(1)).toInstant();
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_KEY;
    }

    public void setSk(String sk) {
        // One preference item per user.
    }

    public String getPostingTime() {
        return postingTime;
    }

    public void setPostingTime(String postingTime) {
        this.postingTime = postingTime;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
