package app.platform.tracing;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The trace in which an event was published, kept with its publications, so that work done for the event later and
 * elsewhere (sent again to EventBridge by the retrier, or at the next start) continues that trace rather than the
 * retrier's or none. The registry stores {@link #current()} with each publication it writes (as a W3C
 * {@code traceparent}) and, when it reads a publication back, hands the stored trace over with the event it rebuilt
 * ({@link #remember}); {@link #of} answers it for that event instance, or the current trace for an event that was not
 * read back (its first delivery, on the publishing trace already).
 */
public final class EventTraces {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private final Supplier<Tracer> tracer;
    /** By event instance, weakly: an event read back is only needed while it is being delivered. */
    private final Cache<Object, String> readBack = Caffeine.newBuilder().weakKeys().build();

    /** @param tracer the tracer, or {@code null} where tracing is off */
    EventTraces(Supplier<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** Without tracing: nothing is stored, nothing restored. */
    public static EventTraces none() {
        return new EventTraces(() -> null);
    }

    /** The current trace as a W3C {@code traceparent}, to store with a publication. */
    public Optional<String> current() {
        return currentContext().map(context -> "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
    }

    /** Remembers the trace stored with the publication an event was read back from (none: {@code null}). */
    public <T> T remember(T event, String traceparent) {
        if (event != null && traceparent != null) {
            readBack.put(event, traceparent);
        }
        return event;
    }

    /** The trace the event was published in, if it was read back with one; otherwise the current trace. */
    public Optional<TraceContext> of(Object event) {
        return Optional.ofNullable(readBack.getIfPresent(event)).flatMap(this::parse).or(this::currentContext);
    }

    private Optional<TraceContext> currentContext() {
        return Optional.ofNullable(tracer.get()).map(Tracer::currentSpan).map(Span::context)
                .filter(context -> context.traceId() != null && context.spanId() != null);
    }

    private Optional<TraceContext> parse(String traceparent) {
        Tracer current = tracer.get();
        Matcher parts = TRACEPARENT.matcher(traceparent);
        if (current == null || !parts.matches()) {
            return Optional.empty();
        }
        return Optional.of(current.traceContextBuilder()
                .traceId(parts.group(1))
                .spanId(parts.group(2))
                .sampled((Integer.parseInt(parts.group(3), 16) & 1) == 1)
                .build());
    }
}
