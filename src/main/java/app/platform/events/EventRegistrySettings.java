package app.platform.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the DynamoDB event publication registry. The completion mode is Spring Modulith's own
 * {@code spring.modulith.events.completion-mode} (update, delete or archive).
 *
 * @param shards how many partitions each status spreads over in the sparse status index, so that a high publication
 *     rate does not concentrate on one index partition; lookups query every shard
 * @param retryInterval how often failed publications are resubmitted to their listeners
 * @param retryMinAge how old a failed publication must be before it is retried
 * @param retryBatchSize how many failed publications the retrier reads and resubmits at a time
 * @param retryMaxInFlight how many resubmitted publications may wait for their listener at a time, across the
 *     instances sharing the registry; the retrier pauses while that many are in flight
 * @param maxAttempts a publication that fails after this many completion attempts is exhausted: no longer retried,
 *     it waits for an operator to look at and resubmit it ({@code /actuator/eventpublications})
 * @param lease how long an instance's claim on a publication (its listener about to run or running) holds without
 *     renewal: the instance renews it every third of this while the listener runs, and no other instance claims the
 *     publication before it expires. Longer than the clock skew between instances plus the longest pause an instance
 *     may take (garbage collection, a slow DynamoDB call)
 * @param maxProcessing how long an instance renews the lease of one listener invocation; one that runs longer is
 *     taken as hung, and its publication is failed and retried once the lease expires
 * @param sweepInterval how often publications whose lease expired, and published ones nobody claimed, are failed
 *     so that the retrier runs them
 * @param publishedStaleness how long a publication may stay published without being claimed (relayed on behalf of
 *     a crashed commit, or its instance stopped before dispatching it) before it is failed and retried
 * @param completedRetention how long a completed publication ({@code update} mode) and the completion marker of one
 *     completed in {@code delete} or {@code archive} mode stay before DynamoDB's time to live removes them. At least
 *     an hour, and longer than an outbox may wait for its relay (the outbox sweeper runs every 30 seconds): a relay
 *     after the expiry would write the publication anew
 */
@Validated
@ConfigurationProperties("app.events")
public record EventRegistrySettings(
        @DefaultValue("4") @Min(1) @Max(64) int shards,
        @DefaultValue("60s") Duration retryInterval,
        @DefaultValue("30s") Duration retryMinAge,
        @DefaultValue("100") @Min(1) @Max(1000) int retryBatchSize,
        @DefaultValue("1000") @Min(1) int retryMaxInFlight,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30m") Duration maxProcessing,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("5m") Duration publishedStaleness,
        @DefaultValue("7d") Duration completedRetention) {

    private static final Duration SHORTEST_LEASE = Duration.ofSeconds(3);
    private static final Duration SHORTEST_RETENTION = Duration.ofHours(1);

    public EventRegistrySettings {
        if (lease.compareTo(SHORTEST_LEASE) < 0) {
            throw new IllegalArgumentException("app.events.lease must be at least " + SHORTEST_LEASE.toSeconds()
                    + "s (it is renewed every third of it), not " + lease);
        }
        if (maxProcessing.compareTo(lease) < 0) {
            throw new IllegalArgumentException("app.events.max-processing (" + maxProcessing
                    + ") must not be shorter than app.events.lease (" + lease + ")");
        }
        if (!sweepInterval.isPositive() || !publishedStaleness.isPositive()) {
            throw new IllegalArgumentException(
                    "app.events.sweep-interval and app.events.published-staleness must be positive");
        }
        if (completedRetention.compareTo(SHORTEST_RETENTION) < 0) {
            throw new IllegalArgumentException("app.events.completed-retention must be at least "
                    + SHORTEST_RETENTION.toHours() + "h (longer than an outbox may wait for its relay), not "
                    + completedRetention);
        }
    }
}
