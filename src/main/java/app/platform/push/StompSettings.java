package app.platform.push;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The STOMP endpoint {@code /ws}.
 *
 * @param heartbeat how often the server sends, and expects from the client, a heart-beat (STOMP 1.2 {@code
 *     heart-beat}), so proxies keep idle connections open and dead ones are found
 * @param channel the Redis channel that carries live messages to every instance
 */
@Validated
@ConfigurationProperties("app.stomp")
record StompSettings(@DefaultValue("10s") Duration heartbeat, @DefaultValue("push:live") @NotBlank String channel) {
}
