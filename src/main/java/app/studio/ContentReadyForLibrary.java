package app.studio;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The content saga's library step for social posts and listings: their content rendered as one Markdown document
 * for the library to save (blog posts are saved from {@code ai.content.blog.generated} itself).
 */
@Externalized("content.saga.library.save")
public record ContentReadyForLibrary(UUID eventId, String generationId, String owner, String type, String title,
        String body) {
}
