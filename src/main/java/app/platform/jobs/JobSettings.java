package app.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param concurrency how many jobs run at once on one instance (more wait their turn)
 * @param lease how long a running job's worker may go without storing progress before another may take it over
 * @param sweepInterval how often jobs with an expired lease are looked for
 * @param maxAttempts runs after which a job whose worker keeps stopping is failed instead of taken over again
 * @param maxUnits the most units a job may have (its outcomes are stored on its item)
 */
@Validated
@ConfigurationProperties("app.jobs")
record JobSettings(
        @DefaultValue("4") @Min(1) @Max(64) int concurrency,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("1000") @Min(1) @Max(1000) int maxUnits) {
}
