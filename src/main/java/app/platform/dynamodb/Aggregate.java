package app.platform.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;

/**
 * Base of an aggregate item: its version (optimistic locking) and the ids of the events it has recently reacted to.
 *
 * <p>Events are delivered at least once. A listener makes its effect apply once by checking
 * {@link #hasHandled(UUID)} and calling {@link #markHandled(UUID)} in the same transaction as the change: both are
 * stored by the one versioned write, so two deliveries racing each other cannot both apply (the second one's write
 * is stale), and a later redelivery finds the id and does nothing. The last {@value #REMEMBERED_EVENTS} event ids
 * are kept.
 */
public abstract class Aggregate {

    /** How many recent event ids an aggregate remembers; redeliveries come within minutes, well inside this. */
    public static final int REMEMBERED_EVENTS = 100;

    private Long version;
    private List<String> handledEvents = new ArrayList<>();

    /** Whether this aggregate already reacted to the event with this id. */
    public boolean hasHandled(UUID eventId) {
        return handledEvents.contains(eventId.toString());
    }

    /** Records that this aggregate reacted to the event; stored with the aggregate's next write. */
    public void markHandled(UUID eventId) {
        handledEvents.add(eventId.toString());
        if (handledEvents.size() > REMEMBERED_EVENTS) {
            handledEvents = new ArrayList<>(handledEvents.subList(handledEvents.size() - REMEMBERED_EVENTS,
                    handledEvents.size()));
        }
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
    }
}
