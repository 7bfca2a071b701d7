package app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import io.micrometer.core.instrument.MeterRegistry;

import app.library.UserContentViewed;
import app.platform.PlatformIntegrationTest;
import app.users.UserSubscriptionUpgraded;

/** The seed flow content viewed → analytics track, as a Spring Modulith scenario. */
@PlatformIntegrationTest
@EnableScenarios
class AnalyticsScenarioTests {

    @Autowired
    ActivityTracking tracking;

    @Autowired
    MeterRegistry meters;

    @Test
    void aViewIsCountedOnce(Scenario scenario) {
        String owner = "owner-" + UUID.randomUUID();
        UserContentViewed viewed = new UserContentViewed(UUID.randomUUID(), "item-1", owner, "blog");

        scenario.publish(viewed)
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> tracking.of(owner).map(UserActivity::getContentViews).orElse(0),
                        views -> views > 0)
                .andVerify(views -> assertThat(views).isEqualTo(1));

        tracking.contentViewed(owner, viewed.eventId());
        assertThat(tracking.of(owner).orElseThrow().getContentViews()).as("a redelivery counts nothing").isEqualTo(1);
    }

    @Test
    void usageIsAttributedToTheUsersCurrentPlan(Scenario scenario) {
        String owner = "owner-" + UUID.randomUUID();
        double before = meters.counter("app.business.revenue.attribution", "module", "library", "plan", "business")
                .count();

        scenario.publish(new UserSubscriptionUpgraded(UUID.randomUUID(), owner, "free", "business"))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> tracking.of(owner).map(UserActivity::getPlan).orElse(""),
                        "business"::equals)
                .andVerify(plan -> tracking.contentViewed(owner, UUID.randomUUID()));

        assertThat(meters.counter("app.business.revenue.attribution", "module", "library", "plan", "business")
                .count()).isEqualTo(before + 1);
    }
}
