package app.platform.eventbridge;

import java.time.Duration;

/**
 * The EventBridge sender held its maximum of entries for as long as the externalization may wait for room (EventBridge
 * slow or unreachable): the event's publication fails and the registry's retrier sends it later, rather than the
 * sender growing without bound.
 */
public class EventBridgeSenderFull extends RuntimeException {

    EventBridgeSenderFull(String detailType, int capacity, Duration waited) {
        super("The EventBridge sender holds " + capacity + " entries and had no room for " + detailType + " within "
                + waited + "; its publication fails and is retried later");
    }
}
