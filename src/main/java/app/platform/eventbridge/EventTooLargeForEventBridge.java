package app.platform.eventbridge;

/**
 * An {@code @Externalized} event whose EventBridge entry would exceed the 256 KB limit; raised when the event is
 * published, so the publishing transaction fails instead of the event failing later on its way out.
 */
public class EventTooLargeForEventBridge extends RuntimeException {

    EventTooLargeForEventBridge(String detailType, Class<?> eventType, int size) {
        super("Event " + eventType.getName() + " (" + detailType + ") makes an EventBridge entry of " + size
                + " bytes; EventBridge accepts at most " + EventBridgeEntries.MAX_ENTRY_BYTES + ". Carry a reference "
                + "to large content (its id or location) instead of the content itself.");
    }
}
