package app.integrations;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the webhook provider and of scheduled posts (the OAuth connections have their own).
 *
 * @param webhook the generic webhook provider
 * @param posts how scheduled posts are published
 */
@Validated
@ConfigurationProperties("app.integrations")
record PublishingSettings(@DefaultValue @Valid Webhook webhook, @DefaultValue @Valid Posts posts) {

    /**
     * @param allowedHosts host names (or IP literals) a webhook may point at although they are not public addresses,
     *     e.g. {@code localhost} in tests; empty by default
     * @param secretKey the key that encrypts the webhooks' signing secrets at rest (at least 32 characters, the same
     *     on every instance)
     * @param trustStore a PKCS12 trust store (a file path) that webhook deliveries trust instead of the JDK's
     *     certificate authorities, or empty for those; read again when the file changes
     * @param trustStorePassword the trust store's password
     * @param connectTimeout how long a delivery may take to connect
     * @param responseTimeout how long a delivery waits for the answer
     */
    record Webhook(
            @DefaultValue List<String> allowedHosts,
            @NotBlank @Size(min = 32, message = "must be at least 32 characters") String secretKey,
            @DefaultValue("") String trustStore,
            @DefaultValue("") String trustStorePassword,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration responseTimeout) {

        boolean allows(String host) {
            return allowedHosts.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(host));
        }
    }

    /**
     * @param defaultDelay when a post goes out after its generation if the user has no preferred posting time
     * @param maxAttempts attempts after which a post is {@code FAILED}
     * @param firstRetryAfter the wait after the first failed attempt; each further failure doubles it
     * @param maxRetryAfter the longest wait between two attempts
     * @param attemptTimeout how long an attempt may take before another instance may take the post over (longer than
     *     the delivery's connect and response timeouts together)
     * @param sweepInterval how often due posts are looked for
     * @param sweepBatch how many due posts one sweep takes from each index partition
     */
    record Posts(
            @DefaultValue("1m") Duration defaultDelay,
            @DefaultValue("6") @Min(1) int maxAttempts,
            @DefaultValue("1m") Duration firstRetryAfter,
            @DefaultValue("1h") Duration maxRetryAfter,
            @DefaultValue("1m") Duration attemptTimeout,
            @DefaultValue("15s") Duration sweepInterval,
            @DefaultValue("100") @Min(1) int sweepBatch) {

        /** The wait after the given number of failed attempts: doubling from the first, capped at the longest. */
        Duration retryAfter(int failedAttempts) {
            Duration wait = firstRetryAfter;
            for (int attempt = 1; attempt < failedAttempts && wait.compareTo(maxRetryAfter) < 0; attempt++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
        }
    }
}
