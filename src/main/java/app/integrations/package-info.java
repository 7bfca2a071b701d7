/**
 * Connections to social providers (OAuth tokens, encrypted at rest) and scheduled posts.
 * Schedules generated social posts for the user's connected platforms and publishes
 * {@code integration.post.published} and {@code integration.oauth.expired}.
 */
@ApplicationModule(displayName = "Integrations", allowedDependencies = "platform")
package app.integrations;

import org.springframework.modulith.ApplicationModule;
