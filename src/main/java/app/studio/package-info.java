/**
 * AI generation of blog posts, social posts and product listings, with per-plan quotas and
 * personalization. Publishes the {@code ai.content.*.generated} and {@code ai.generation.failed} events and
 * keeps its own copy of each user's plan limits and tone of voice, fed by {@code users} events.
 */
@ApplicationModule(displayName = "Studio", allowedDependencies = { "platform", "users" })
package app.studio;

import org.springframework.modulith.ApplicationModule;
