package app.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.util.ClassUtils;

import app.platform.dynamodb.SortableTime;
import app.platform.tracing.EventTraces;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The registry's item layout. One item per publication (event x listener), keyed by the publication id. While a
 * publication is incomplete it sits in the sparse {@code status} index (partition {@code <STATUS>#<shard>}) and the
 * {@code event} index (the hash of listener and serialized event); once completed it leaves both and, when kept, enters
 * the {@code completed} index. A failed publication that has used up its attempts keeps the status {@code FAILED} but
 * sits in the partition {@code EXHAUSTED#<shard>}, out of the retrier's way.
 *
 * <p>Published and failed publications are sorted in their partition by publication date (kept as
 * {@code publishedSort} from the first claim on). A claimed one ({@code PROCESSING}, {@code RESUBMITTED}) carries a lease ({@code leaseUntil}, the
 * claiming instance as {@code leaseOwner}, the claim as {@code leaseId}) and is sorted by the lease's expiry, so that
 * expired leases are the first items of their partition.
 *
 * <p>A publication completed in {@code delete} or {@code archive} mode, or deleted once completed, leaves a
 * <em>completion marker</em>: its id, status {@code COMPLETED}, completion date and expiry ({@code expiresAt}), no
 * event and no index key, so no lookup sees it. It keeps a relay of the same publication (an outbox whose clearing
 * failed, relayed again by the sweeper) from writing it anew, which would run its listener again.
 */
final class PublicationItems {

    static final String ID = "pk";
    static final String EVENT_TYPE = "eventType";
    static final String LISTENER = "listenerId";
    static final String EVENT = "event";
    static final String PUBLISHED_AT = "publicationDate";
    static final String STATUS = "status";
    static final String COMPLETED_AT = "completionDate";
    static final String ATTEMPTS = "completionAttempts";
    static final String RESUBMITTED_AT = "lastResubmissionDate";
    static final String STATUS_SHARD = "statusShard";
    static final String STATUS_SORT = "statusSort";
    static final String EVENT_KEY = "eventKey";
    static final String COMPLETED_SHARD = "completedShard";
    static final String COMPLETED_SORT = "completedSort";
    /**
     * The publication date sort key ({@code <date>#<id>}), kept from the first claim on, to be the status sort key again
     * once the publication fails.
     */
    static final String PUBLISHED_SORT = "publishedSort";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_ID = "leaseId";
    /**
     * When DynamoDB may delete the item, in epoch seconds: the table's time-to-live attribute. Set on completed
     * publications and on completion markers.
     */
    static final String EXPIRES_AT = "expiresAt";
    /** The trace the event was published in, as a W3C {@code traceparent} ({@link EventTraces}); absent without one. */
    static final String TRACE = "traceparent";
    static final String STATUS_INDEX = "status";
    static final String EVENT_INDEX = "event";
    static final String COMPLETED_INDEX = "completed";
    /** The status index partition (before {@code #<shard>}) of failed publications without attempts left. */
    static final String EXHAUSTED = "EXHAUSTED";

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#\\w+");
    /** The attributes by the placeholders that update and condition expressions use for them. */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(Map.entry("#id", ID),
            Map.entry("#status", STATUS), Map.entry("#statusShard", STATUS_SHARD), Map.entry("#statusSort", STATUS_SORT),
            Map.entry("#eventKey", EVENT_KEY), Map.entry("#completedAt", COMPLETED_AT),
            Map.entry("#completedShard", COMPLETED_SHARD), Map.entry("#completedSort", COMPLETED_SORT),
            Map.entry("#attempts", ATTEMPTS), Map.entry("#resubmittedAt", RESUBMITTED_AT),
            Map.entry("#publishedAt", PUBLISHED_AT), Map.entry("#publishedSort", PUBLISHED_SORT),
            Map.entry("#leaseUntil", LEASE_UNTIL), Map.entry("#leaseOwner", LEASE_OWNER),
            Map.entry("#leaseId", LEASE_ID), Map.entry("#expiresAt", EXPIRES_AT), Map.entry("#event", EVENT));

    private final EventSerializer serializer;
    private final int shards;
    private final EventTraces traces;

    /** Without traces kept with the publications. */
    PublicationItems(EventSerializer serializer, int shards) {
        this(serializer, shards, EventTraces.none());
    }

    PublicationItems(EventSerializer serializer, int shards, EventTraces traces) {
        this.serializer = serializer;
        this.shards = shards;
        this.traces = traces;
    }

    Map<String, AttributeValue> toItem(TargetEventPublication publication) {
        String serialized = serialize(publication.getEvent());
        String listener = publication.getTargetIdentifier().getValue();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(publication.getIdentifier().toString()));
        item.put(EVENT_TYPE, s(publication.getEvent().getClass().getName()));
        item.put(LISTENER, s(listener));
        item.put(EVENT, s(serialized));
        item.put(PUBLISHED_AT, s(SortableTime.format(publication.getPublicationDate())));
        item.put(STATUS, s(Status.PUBLISHED.name()));
        item.put(ATTEMPTS, AttributeValue.fromN("1"));
        item.put(RESUBMITTED_AT, s(SortableTime.format(publication.getPublicationDate())));
        item.put(STATUS_SHARD, s(statusShard(Status.PUBLISHED, publication.getIdentifier())));
        item.put(STATUS_SORT, s(sortKey(publication.getPublicationDate(), publication.getIdentifier())));
        item.put(EVENT_KEY, s(eventKey(listener, serialized)));
        traces.current().ifPresent(trace -> item.put(TRACE, s(trace)));
        return item;
    }

    /** The same publication item, claimed for processing under this lease by the instance that writes it. */
    Map<String, AttributeValue> asProcessing(Map<String, AttributeValue> item, Lease lease) {
        UUID id = UUID.fromString(item.get(ID).s());
        Map<String, AttributeValue> processing = new HashMap<>(item);
        processing.put(STATUS, s(Status.PROCESSING.name()));
        processing.put(STATUS_SHARD, s(statusShard(Status.PROCESSING, id)));
        processing.put(PUBLISHED_SORT, item.get(STATUS_SORT));
        processing.put(STATUS_SORT, s(sortKey(lease.until(), id)));
        processing.put(LEASE_UNTIL, s(SortableTime.format(lease.until())));
        processing.put(LEASE_OWNER, s(lease.owner()));
        processing.put(LEASE_ID, s(lease.id()));
        return processing;
    }

    /** The completion marker of a publication completed at this date, to expire then. */
    Map<String, AttributeValue> marker(UUID id, Instant completedAt, Instant expiresAt) {
        return Map.of(ID, s(id.toString()), STATUS, s(Status.COMPLETED.name()),
                COMPLETED_AT, s(SortableTime.format(completedAt)), EXPIRES_AT, expiry(expiresAt));
    }

    /** The publication of an item; its event is deserialized when first asked for. */
    StoredPublication fromItem(Map<String, AttributeValue> item) {
        String eventType = item.get(EVENT_TYPE).s();
        String payload = item.get(EVENT).s();
        String trace = item.containsKey(TRACE) ? item.get(TRACE).s() : null;
        return new StoredPublication(
                UUID.fromString(item.get(ID).s()),
                eventType,
                () -> traces.remember(deserialize(eventType, payload), trace),
                PublicationTargetIdentifier.of(item.get(LISTENER).s()),
                instant(item, PUBLISHED_AT),
                Status.valueOf(item.get(STATUS).s()),
                instant(item, COMPLETED_AT),
                item.containsKey(ATTEMPTS) ? Integer.parseInt(item.get(ATTEMPTS).n()) : 1,
                instant(item, RESUBMITTED_AT),
                item.containsKey(STATUS_SHARD) && item.get(STATUS_SHARD).s().startsWith(EXHAUSTED + "#"),
                instant(item, LEASE_UNTIL),
                item.containsKey(LEASE_OWNER) ? item.get(LEASE_OWNER).s() : null);
    }

    String serialize(Object event) {
        return serializer.serialize(event).toString();
    }

    String statusShard(Status status, UUID id) {
        return status.name() + "#" + shardOf(id);
    }

    String exhaustedShard(UUID id) {
        return EXHAUSTED + "#" + shardOf(id);
    }

    String completedShard(UUID id) {
        return "COMPLETED#" + shardOf(id);
    }

    int shards() {
        return shards;
    }

    static String sortKey(Instant instant, UUID id) {
        return SortableTime.format(instant) + "#" + id;
    }

    /** The key that sorts an item by publication date ({@code publishedSort} is only there once it was claimed). */
    static String publicationKey(Map<String, AttributeValue> item) {
        return item.get(PUBLISHED_AT).s() + "#" + item.get(ID).s();
    }

    static String eventKey(String listener, String serializedEvent) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(listener.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(serializedEvent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An instant as the time-to-live attribute holds it: epoch seconds. */
    static AttributeValue expiry(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    /** The primary key of the publication's item. */
    static Map<String, AttributeValue> key(UUID identifier) {
        return Map.of(ID, s(identifier.toString()));
    }

    /** The attribute names an expression uses: DynamoDB refuses unused ones. */
    static Map<String, String> namesIn(String... expressions) {
        Map<String, String> names = new HashMap<>();
        for (String expression : expressions) {
            NAME_PLACEHOLDER.matcher(expression).results().map(MatchResult::group)
                    .forEach(placeholder -> names.put(placeholder, ATTRIBUTES.get(placeholder)));
        }
        return names;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private int shardOf(UUID id) {
        return Math.floorMod(id.hashCode(), shards);
    }

    private static Instant instant(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : SortableTime.parse(value.s());
    }

    private Object deserialize(String eventType, String payload) {
        Class<?> eventClass;
        try {
            eventClass = ClassUtils.forName(eventType, PublicationItems.class.getClassLoader());
        }
        catch (ClassNotFoundException | LinkageError e) {
            throw new UnreadableEvent("its event type is not on the class path", e);
        }
        try {
            return serializer.deserialize(payload, eventClass);
        }
        catch (RuntimeException e) {
            throw new UnreadableEvent("its payload does not deserialize: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
