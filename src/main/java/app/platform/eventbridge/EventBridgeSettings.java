package app.platform.eventbridge;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Externalization of {@code @Externalized} events to Amazon EventBridge.
 *
 * @param enabled send events to EventBridge (off for local runs unless an endpoint is at hand; on in AWS)
 * @param endpoint the EventBridge endpoint; unset means the region's
 * @param busName the event bus
 * @param maxAttempts attempts per entry before its publication is marked failed (visible and resubmittable)
 * @param initialBackoff wait before the first retry of a failed entry; doubles with each attempt, with jitter
 * @param maxBackoff the longest wait between two attempts
 * @param batchWindow how long the sender waits to fill a PutEvents call (up to 10 entries) once it has one entry
 * @param localModules the modules that run in this deployment: inbound events from them were delivered in-process
 *     and are ignored (all nine in the monolith; the module itself in an extracted deployment)
 * @param queueCapacity how many entries the sender holds at most (waiting for a call, in one, or waiting to be
 *     retried): the bound on its memory
 * @param enqueueTimeout how long the externalization waits for room in a full sender; after that its publication
 *     fails, to be retried by the registry
 * @param maxCallsInFlight how many PutEvents calls run at the same time
 * @param drainTimeout how long a stopping sender keeps sending what it holds; the publications of the entries it
 *     could not send by then are marked failed, to be retried (or resubmitted at the next start)
 */
@Validated
@ConfigurationProperties("app.eventbridge")
public record EventBridgeSettings(
        @DefaultValue("false") boolean enabled,
        URI endpoint,
        @DefaultValue("default") @NotBlank String busName,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("20ms") Duration batchWindow,
        @DefaultValue({ "studio", "brand", "research", "integrations", "tools", "users", "library", "analytics",
                "notification" }) List<String> localModules,
        @DefaultValue("1000") @Min(1) int queueCapacity,
        @DefaultValue("5s") Duration enqueueTimeout,
        @DefaultValue("4") @Min(1) @Max(64) int maxCallsInFlight,
        @DefaultValue("5s") Duration drainTimeout) {
}
