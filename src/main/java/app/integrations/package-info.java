/**
 * Connections to social providers (OAuth tokens, encrypted at rest) and scheduled posts.
 * Schedules generated social posts for the user's publishing targets (the generic webhook, connected
 * providers), publishes them when due and publishes {@code integration.post.published},
 * {@code integration.post.failed} and {@code integration.oauth.expired}.
 */
@ApplicationModule(displayName = "Integrations", allowedDependencies = { "platform", "studio" })
package app.integrations;

import org.springframework.modulith.ApplicationModule;
