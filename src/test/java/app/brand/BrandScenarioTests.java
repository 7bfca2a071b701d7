package app.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import app.platform.PlatformIntegrationTest;
import app.studio.ListingContentGenerated;

/** The seed flow listing generated → brand audit, as a Spring Modulith scenario. */
@PlatformIntegrationTest
@EnableScenarios
class BrandScenarioTests {

    @Test
    void aGeneratedListingTriggersABrandAudit(Scenario scenario) {
        String listing = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();

        scenario.publish(new ListingContentGenerated(UUID.randomUUID(), listing, owner, "Trail Pack",
                List.of("waterproof zipper"), "Made for hikers who want a waterproof zipper and a light frame."))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForEventOfType(BrandAuditCompleted.class)
                .matching(audit -> audit.contentId().equals(listing))
                .toArriveAndVerify(audit -> {
                    assertThat(audit.owner()).isEqualTo(owner);
                    assertThat(audit.score()).isBetween(0, 100);
                });
    }
}
