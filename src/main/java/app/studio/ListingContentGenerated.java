package app.studio;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A product listing is written; brand audits it. */
@Externalized("ai.content.listing.generated")
public record ListingContentGenerated(UUID eventId, String generationId, String owner, String title,
        List<String> bullets, String description) {
}
