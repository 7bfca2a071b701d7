package app.platform.eventbridge;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.Externalized;

/**
 * Checks every {@code @Externalized} event against EventBridge's entry limit when it is published, in the
 * publisher's thread: an event too large fails its transaction with {@link EventTooLargeForEventBridge} rather than
 * failing later on its way out. Active whether or not EventBridge is enabled, so local runs catch it too.
 */
class ExternalizedEventSizeGuard implements ApplicationListener<PayloadApplicationEvent<?>> {

    private final EventBridgeEntries entries;

    ExternalizedEventSizeGuard(EventBridgeEntries entries) {
        this.entries = entries;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        if (payload.getClass().isAnnotationPresent(Externalized.class)) {
            entries.requireWithinLimit(payload);
        }
    }
}
