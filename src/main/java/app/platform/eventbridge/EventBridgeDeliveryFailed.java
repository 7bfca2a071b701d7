package app.platform.eventbridge;

/** EventBridge refused an entry on every attempt; its publication is marked failed and can be resubmitted. */
public class EventBridgeDeliveryFailed extends RuntimeException {

    EventBridgeDeliveryFailed(String detailType, int attempts, String reason) {
        super("EventBridge did not accept " + detailType + " after " + attempts + " attempt(s): " + reason);
    }
}
