package app.platform.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;

/**
 * Base of an aggregate item: its version (optimistic locking) and the ids of the events it has reacted to.
 *
 * <p>Events are delivered at least once. A listener makes its effect apply once by checking
 * {@link DynamoRepository#hasHandled} and calling {@link #markHandled(UUID)} in the same transaction as the change:
 * the id is stored by the one versioned write, so two deliveries racing each other cannot both apply (the second
 * one's write is stale), and a later redelivery finds the id and does nothing.
 *
 * <p>The item keeps its most recent event ids inline, at most {@value #REMEMBERED_EVENTS}. When more accumulate (a
 * bulk job sends hundreds of events to one aggregate within a redelivery delay), the repository first stores the
 * oldest as receipts of their own ({@link HandledEventReceipts}), then drops them from the item, and the item
 * remembers until when receipts may exist ({@link #getHandledEventReceiptsUntil()}), so that only aggregates that
 * ever moved ids out pay a read to look them up.
 */
public abstract class Aggregate {

    /** How many event ids an aggregate keeps inline, read with the item at no extra cost. */
    public static final int REMEMBERED_EVENTS = 100;
    /** How many ids move to receipts at least, once the inline list is full: one batch write per this many events. */
    static final int SPILLED_AT_ONCE = 25;

    private Long version;
    private List<String> handledEvents = new ArrayList<>();
    private Long handledEventReceiptsUntil;
    /** How many of the oldest inline ids were read from the table: only those are known to be committed. */
    private int storedHandledEvents;

    /** Records that this aggregate reacted to the event; stored with the aggregate's next write. */
    public void markHandled(UUID eventId) {
        handledEvents.add(eventId.toString());
    }

    /** Whether the event's id is among those the item keeps inline. */
    boolean hasHandledInline(UUID eventId) {
        return handledEvents.contains(eventId.toString());
    }

    /** Whether ids moved out of this item may still have unexpired receipts at this instant. */
    boolean mayHaveReceipts(Instant now) {
        return handledEventReceiptsUntil != null && now.getEpochSecond() < handledEventReceiptsUntil;
    }

    /**
     * The oldest ids to store as receipts before the next write, so that it keeps at most
     * {@value #REMEMBERED_EVENTS} inline; empty while the inline list has room. Only ids read from the table are
     * chosen: they were stored by a committed write, so their receipts are true even if the next write never happens.
     */
    List<String> handledEventsToSpill() {
        int excess = handledEvents.size() - REMEMBERED_EVENTS;
        if (excess <= 0) {
            return List.of();
        }
        int spilled = Math.min(storedHandledEvents, Math.max(excess, SPILLED_AT_ONCE));
        return List.copyOf(handledEvents.subList(0, spilled));
    }

    /** Drops ids whose receipts are stored, and remembers until when receipts of this aggregate may exist. */
    void spilled(List<String> eventIds, Instant receiptsExpireAt) {
        handledEvents.removeAll(eventIds);
        storedHandledEvents = Math.max(0, storedHandledEvents - eventIds.size());
        long expiry = receiptsExpireAt.getEpochSecond();
        handledEventReceiptsUntil = handledEventReceiptsUntil == null ? expiry
                : Math.max(handledEventReceiptsUntil, expiry);
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<String> getHandledEvents() {
        return handledEvents;
    }

    public void setHandledEvents(List<String> handledEvents) {
        this.handledEvents = handledEvents == null ? new ArrayList<>() : new ArrayList<>(handledEvents);
        this.storedHandledEvents = this.handledEvents.size();
    }

    /**
     * Until when (epoch seconds) receipts of ids moved out of this item may exist; absent for an aggregate that never
     * moved any, which then needs no read to know what it handled.
     */
    public Long getHandledEventReceiptsUntil() {
        return handledEventReceiptsUntil;
    }

    public void setHandledEventReceiptsUntil(Long handledEventReceiptsUntil) {
        this.handledEventReceiptsUntil = handledEventReceiptsUntil;
    }
}
