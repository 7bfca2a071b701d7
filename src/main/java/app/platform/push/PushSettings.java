package app.platform.push;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param historySize how many events each user's history keeps for {@code Last-Event-ID} resumption
 * @param historyRetention how long a user's history is kept after its newest event
 * @param heartbeat how often an open stream gets a comment line, so proxies do not close it as idle
 * @param ticketLifetime how long a stream ticket may wait for its single use
 * @param keyPrefix the prefix of every Redis key and of the channel the instances share
 */
@Validated
@ConfigurationProperties("app.push")
record PushSettings(
        @DefaultValue("200") @Min(1) int historySize,
        @DefaultValue("7d") Duration historyRetention,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("60s") Duration ticketLifetime,
        @DefaultValue("push:") @NotBlank String keyPrefix) {

    String historyKey(String user) {
        return keyPrefix + "history:" + user;
    }

    String ticketKey(String ticketHash) {
        return keyPrefix + "ticket:" + ticketHash;
    }

    String channel() {
        return keyPrefix + "events";
    }
}
