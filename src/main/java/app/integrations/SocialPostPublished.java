package app.integrations;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A scheduled social post went out to its target.
 *
 * @param target where it was published ({@code webhook}, or a connected provider)
 * @param platform the social platform the post was written for
 */
@Externalized("integration.post.published")
public record SocialPostPublished(UUID eventId, String postId, String owner, String generationId, String target,
        String platform, int attempts, Instant publishedAt) {
}
