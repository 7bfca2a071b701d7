package app.studio;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** Social posts are written, one per platform; integrations schedules them. */
@Externalized("ai.content.social.generated")
public record SocialContentGenerated(UUID eventId, String generationId, String owner, String title, List<Post> posts) {

    public record Post(String platform, String text) {
    }
}
