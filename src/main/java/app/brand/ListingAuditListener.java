package app.brand;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.studio.ListingContentGenerated;

/** {@code ai.content.listing.generated} → {@code brand.audit.trigger}. */
@Component
class ListingAuditListener {

    private final BrandManagement brand;

    ListingAuditListener(BrandManagement brand) {
        this.brand = brand;
    }

    @ApplicationModuleListener
    void on(ListingContentGenerated listing) {
        String text = listing.title() + ". " + String.join(" ", listing.bullets()) + " " + listing.description();
        brand.audit(listing.owner(), listing.generationId(), text);
    }
}
