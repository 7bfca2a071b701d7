package app.platform.eventbridge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The record that an inbound event was accepted, keyed by its event id. It is the one item the delivering
 * transaction writes, so it carries the event's publications in its outbox: it exists if and only if the event was
 * handed to the listeners, and a second delivery of the same event finds it and stops. It keeps the ids of those
 * publications, so that a redelivery can tell whether every listener has completed.
 */
@DynamoDbBean
public class InboundReceipt {

    private static final String SORT_KEY = "receipt";

    private String pk;
    private String sk = SORT_KEY;
    private String detailType;
    private String source;
    private Instant receivedAt;
    private long expiresAt;
    private List<String> publications = List.of();

    static InboundReceipt of(String eventId, String detailType, String source, List<UUID> publications,
            Instant now) {
        InboundReceipt receipt = new InboundReceipt();
        receipt.pk = partitionKeyOf(eventId);
        receipt.publications = publications.stream().map(UUID::toString).toList();
        receipt.detailType = detailType;
        receipt.source = source;
        receipt.receivedAt = now;
        receipt.expiresAt = now.plusSeconds(14 * 24 * 3600).getEpochSecond();
        return receipt;
    }

    /** The key of the receipt of this event. */
    static Key keyOf(String eventId) {
        return Key.builder().partitionValue(partitionKeyOf(eventId)).sortValue(SORT_KEY).build();
    }

    private static String partitionKeyOf(String eventId) {
        return "inbound-event#" + eventId;
    }

    /** The event's publications, one per listener it reached; none in receipts written before they were kept. */
    List<UUID> publicationIds() {
        return publications == null ? List.of() : publications.stream().map(UUID::fromString).toList();
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getDetailType() {
        return detailType;
    }

    public void setDetailType(String detailType) {
        this.detailType = detailType;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    /** When AWS may drop the receipt (TTL); redeliveries come within EventBridge's 24-hour retry window. */
    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public List<String> getPublications() {
        return publications;
    }

    public void setPublications(List<String> publications) {
        this.publications = publications;
    }
}
