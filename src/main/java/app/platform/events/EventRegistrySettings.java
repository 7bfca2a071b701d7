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
 * @param maxAttempts a publication that fails after this many completion attempts is exhausted: no longer retried,
 *     it waits for an operator to look at and resubmit it ({@code /actuator/eventpublications})
 */
@Validated
@ConfigurationProperties("app.events")
public record EventRegistrySettings(
        @DefaultValue("4") @Min(1) @Max(64) int shards,
        @DefaultValue("60s") Duration retryInterval,
        @DefaultValue("30s") Duration retryMinAge,
        @DefaultValue("5") @Min(1) int maxAttempts) {
}
