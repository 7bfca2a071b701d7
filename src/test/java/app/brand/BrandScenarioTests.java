package app.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import app.platform.PlatformIntegrationTest;
import app.platform.events.RecordedEvents;
import app.studio.ListingContentGenerated;

/** The seed flow listing generated → brand audit, as a Spring Modulith scenario. */
@PlatformIntegrationTest
@EnableScenarios
class BrandScenarioTests {

    @Autowired
    RecordedEvents published;

    @Test
    void aGeneratedListingTriggersABrandAudit(Scenario scenario) {
        String listing = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();

        scenario.publish(new ListingContentGenerated(UUID.randomUUID(), listing, owner, "Trail Pack",
                List.of("waterproof zipper"), "Made for hikers who want a waterproof zipper and a light frame."))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> published.latest(BrandAuditCompleted.class,
                        audit -> audit.contentId().equals(listing)), Optional::isPresent)
                .andVerify(audit -> {
                    assertThat(audit.orElseThrow().owner()).isEqualTo(owner);
                    assertThat(audit.orElseThrow().score()).isBetween(0, 100);
                });
    }
}
