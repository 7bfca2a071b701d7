package app.platform.eventbridge;

import java.util.Optional;

import io.micrometer.tracing.TraceContext;

/**
 * The current trace in AWS X-Ray's header format, for the {@code TraceHeader} of a PutEvents entry:
 * {@code Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=<0|1>}. X-Ray reads a W3C (OpenTelemetry) trace id of 32
 * hex digits split after its first 8, so the trace continues in the services the event reaches.
 */
final class XRayTraceHeader {

    private static final int TRACE_ID_LENGTH = 32;
    private static final int SPAN_ID_LENGTH = 16;

    private XRayTraceHeader() {
    }

    static Optional<String> of(TraceContext context) {
        if (context == null || context.traceId() == null || context.spanId() == null
                || context.traceId().length() != TRACE_ID_LENGTH || context.spanId().length() != SPAN_ID_LENGTH) {
            return Optional.empty();
        }
        String traceId = context.traceId();
        return Optional.of("Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent="
                + context.spanId() + ";Sampled=" + (Boolean.TRUE.equals(context.sampled()) ? "1" : "0"));
    }
}
