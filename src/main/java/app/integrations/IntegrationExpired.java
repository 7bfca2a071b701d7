package app.integrations;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A user's connection to a provider can no longer be used: its token could not be refreshed (the provider refused,
 * or it issued no refresh token). The user must connect again; the notification module tells them.
 *
 * @param provider the provider's id (as in the API paths)
 * @param providerName the provider's display name
 * @param reason why the token could not be refreshed, for people (no token material)
 */
@Externalized("integration.oauth.expired")
public record IntegrationExpired(UUID eventId, String userId, String provider, String providerName, String reason) {
}
