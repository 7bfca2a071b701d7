package app.studio;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A blog post is written; the library saves it. */
@Externalized("ai.content.blog.generated")
public record BlogContentGenerated(UUID eventId, String generationId, String owner, String title, String body,
        List<String> keywords) {
}
