package app.platform.eventbridge;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.modulith.events.Externalized;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event into a PutEvents entry: {@code Source} is {@code app.<module>} (the event's top-level package under
 * {@code app}), {@code DetailType} the event's detail-type, and {@code Detail} a JSON envelope of the event id, its
 * detail-type and source, and the payload. PutEvents has no de-duplication field, so consumers de-duplicate by
 * {@code Detail.eventId}: the event's own {@code eventId()} when it has one, otherwise a name-based UUID of its
 * detail-type and content (stable across redeliveries). {@code TraceHeader} is the trace the event was published in,
 * in X-Ray's format, on the first send and on every send again.
 */
class EventBridgeEntries {

    /** EventBridge's limit for one entry and for one PutEvents request. */
    static final int MAX_ENTRY_BYTES = 256 * 1024;
    /** The {@code Time} field counts as 14 bytes towards an entry's size. */
    private static final int TIME_BYTES = 14;

    private final JsonMapper json;
    private final String busName;
    private final Clock clock;
    private final Function<Object, Optional<String>> traceHeader;

    EventBridgeEntries(JsonMapper json, String busName, Clock clock) {
        this(json, busName, clock, event -> Optional.empty());
    }

    /** @param traceHeader the trace an event was published in, in X-Ray's format, if there is one */
    EventBridgeEntries(JsonMapper json, String busName, Clock clock, Function<Object, Optional<String>> traceHeader) {
        this.json = json;
        this.busName = busName;
        this.clock = clock;
        this.traceHeader = traceHeader;
    }

    PutEventsRequestEntry entryFor(String detailType, Object event) {
        String source = sourceOf(event.getClass());
        String payload = json.writeValueAsString(event);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventId", eventIdOf(event, detailType, payload).toString());
        detail.put("detailType", detailType);
        detail.put("source", source);
        detail.put("payload", json.readTree(payload));
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(source)
                .detailType(detailType)
                .detail(json.writeValueAsString(detail))
                .time(clock.instant())
                .traceHeader(traceHeader.apply(event).orElse(null))
                .build();
    }

    /** Refuses an {@code @Externalized} event whose entry would be over the limit. */
    void requireWithinLimit(Object event) {
        String detailType = detailTypeOf(event.getClass());
        int size = sizeOf(entryFor(detailType, event));
        if (size > MAX_ENTRY_BYTES) {
            throw new EventTooLargeForEventBridge(detailType, event.getClass(), size);
        }
    }

    /** An entry's size as EventBridge counts it. */
    static int sizeOf(PutEventsRequestEntry entry) {
        int size = entry.time() == null ? 0 : TIME_BYTES;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        for (String resource : entry.resources()) {
            size += utf8(resource);
        }
        return size;
    }

    static String detailTypeOf(Class<?> eventType) {
        Externalized externalized = eventType.getAnnotation(Externalized.class);
        String target = externalized == null ? "" : StringUtils.hasText(externalized.value()) ? externalized.value()
                : externalized.target();
        String detailType = target.contains("::") ? target.substring(0, target.indexOf("::")) : target;
        return StringUtils.hasText(detailType) ? detailType : eventType.getName();
    }

    static String sourceOf(Class<?> eventType) {
        String name = eventType.getPackageName();
        String[] segments = name.split("\\.");
        return segments.length >= 2 && segments[0].equals("app") ? "app." + segments[1] : name;
    }

    private static UUID eventIdOf(Object event, String detailType, String payload) {
        Method accessor = ReflectionUtils.findMethod(event.getClass(), "eventId");
        if (accessor != null && accessor.getParameterCount() == 0) {
            Object id = ReflectionUtils.invokeMethod(accessor, event);
            if (id != null) {
                return id instanceof UUID uuid ? uuid : UUID.nameUUIDFromBytes(id.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return UUID.nameUUIDFromBytes((detailType + "\n" + payload).getBytes(StandardCharsets.UTF_8));
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
