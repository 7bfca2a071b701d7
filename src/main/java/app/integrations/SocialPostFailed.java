package app.integrations;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A scheduled social post was given up after its last attempt (or at once, when no attempt could help).
 *
 * @param target where it was to be published
 * @param platform the social platform the post was written for
 * @param reason what went wrong on the last attempt
 */
@Externalized("integration.post.failed")
public record SocialPostFailed(UUID eventId, String postId, String owner, String generationId, String target,
        String platform, int attempts, String reason) {
}
