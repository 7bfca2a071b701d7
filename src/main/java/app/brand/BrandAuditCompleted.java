package app.brand;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A piece of content was audited against its owner's brand. */
@Externalized("brand.audit.completed")
public record BrandAuditCompleted(UUID eventId, String auditId, String contentId, String owner, int score,
        int findings) {
}
