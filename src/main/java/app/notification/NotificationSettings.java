package app.notification;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param mailFrom the sender of every e-mail, e.g. {@code Content Platform <notifications@example.com>} (in AWS an
 *     address or domain verified in SES); its domain also names the messages' {@code Message-ID}s
 * @param appUrl where the links in e-mails point (the web page)
 * @param email how notifications are e-mailed
 */
@Validated
@ConfigurationProperties("app.notification")
record NotificationSettings(
        @DefaultValue("Content Platform <notifications@localhost>") @NotBlank String mailFrom,
        @DefaultValue("http://localhost:8080/") @NotBlank String appUrl,
        @DefaultValue @Valid Email email) {

    /**
     * @param enabled e-mail notifications at all; when off (or no mail server is configured) they are stored as
     *     {@code SKIPPED} with the reason
     * @param maxAttempts attempts after which an e-mail is {@code FAILED}
     * @param firstRetryAfter the wait after the first failed attempt; each further failure doubles it
     * @param maxRetryAfter the longest wait between two attempts
     * @param attemptTimeout how long an attempt may take before another instance may take the e-mail over (longer
     *     than the mail client's connect and write timeouts together)
     * @param sweepInterval how often due retries (and e-mails whose sender stopped) are looked for
     * @param sweepBatch how many due e-mails one sweep takes from each index partition
     */
    record Email(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("30s") Duration firstRetryAfter,
            @DefaultValue("1h") Duration maxRetryAfter,
            @DefaultValue("2m") Duration attemptTimeout,
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
