package app.research;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param provider where rankings come from: generated sample figures (no network) or a search-results API over HTTP
 * @param refreshInterval how long after a refresh (successful or not) a tracker is refreshed again
 * @param sweepInterval how often due trackers are looked for
 * @param claimTimeout how long a tracker claimed by an instance stays out of the other instances' sweeps (longer
 *     than a provider call may take)
 * @param maxTrackersPerUser how many trackers one account may have
 * @param historySize how many rankings a tracker keeps
 * @param sample the sample provider's time bucket: its figures change once per bucket
 * @param http the search-results API; read only when {@code provider} is {@code http}
 */
@Validated
@ConfigurationProperties("app.research")
record ResearchSettings(
        @DefaultValue("sample") @NotNull Provider provider,
        @DefaultValue("6h") Duration refreshInterval,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("2m") Duration claimTimeout,
        @DefaultValue("20") @Min(1) @Max(100) int maxTrackersPerUser,
        @DefaultValue("100") @Min(2) @Max(200) int historySize,
        @DefaultValue @Valid Sample sample,
        @DefaultValue @Valid Http http) {

    ResearchSettings {
        for (Duration interval : new Duration[] { refreshInterval, sweepInterval, claimTimeout }) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("app.research refresh-interval, sweep-interval and claim-timeout "
                        + "must be positive");
            }
        }
    }

    enum Provider {
        SAMPLE, HTTP
    }

    /** @param bucket at least one second */
    record Sample(@DefaultValue("1h") Duration bucket) {

        Sample {
            if (bucket.toSeconds() < 1) {
                throw new IllegalArgumentException("app.research.sample.bucket must be at least 1s: " + bucket);
            }
        }
    }

    /**
     * The search-results API: {@code GET <base-url>?<keyword-parameter>=<keyword>} with the key in a header, answered
     * with JSON that {@code mapping} reads.
     *
     * @param baseUrl the API's address, with any fixed query parameters it needs
     * @param apiKeyHeader the header that carries the key
     * @param apiKey the key; no header is sent when blank
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for the whole answer
     */
    record Http(URI baseUrl, @DefaultValue("X-API-Key") @NotBlank String apiKeyHeader, @DefaultValue("") String apiKey,
            @DefaultValue("q") @NotBlank String keywordParameter, @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout, @DefaultValue @Valid Mapping mapping) {
    }

    /**
     * Where the figures are in the API's answer, as JSON Pointers: {@code results} points at the array of ranked
     * results, the others into one result. A result is the user's own when its name is the tracker's own domain, a
     * competitor's when its name is the competitor (or a subdomain of it: {@code www.acme.com} is {@code acme.com}).
     * A result without a position has its place in the array (from 1); a missing price is unknown.
     */
    record Mapping(@DefaultValue("/results") @NotBlank String results, @DefaultValue("/domain") @NotBlank String name,
            @DefaultValue("/position") @NotBlank String position, @DefaultValue("/price") @NotBlank String price) {
    }
}
