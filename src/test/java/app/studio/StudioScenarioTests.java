package app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import app.platform.PlatformIntegrationTest;
import app.users.UserProfileUpdated;
import app.users.UserSubscriptionUpgraded;

/** The seed flows subscription upgraded → limits update and profile updated → personalization refresh. */
@PlatformIntegrationTest
@EnableScenarios
class StudioScenarioTests {

    @Autowired
    StudioProfiles profiles;

    @Test
    void anUpgradeUpdatesTheStudiosCopyOfThePlan(Scenario scenario) {
        String user = "user-" + UUID.randomUUID();

        scenario.publish(new UserSubscriptionUpgraded(UUID.randomUUID(), user, "free", "pro"))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> profiles.find(StudioProfile.key(user)).map(StudioProfile::getPlan)
                        .orElse(""), plan -> !plan.isEmpty())
                .andVerify(plan -> assertThat(plan).isEqualTo("pro"));
    }

    @Test
    void aProfileChangeRefreshesThePersonalization(Scenario scenario) {
        String user = "user-" + UUID.randomUUID();

        scenario.publish(new UserProfileUpdated(UUID.randomUUID(), user, "Ana", "outdoor gear", "playful", "en"))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> profiles.find(StudioProfile.key(user)).map(StudioProfile::getTone)
                        .orElse(""), tone -> !tone.isEmpty())
                .andVerify(tone -> assertThat(tone).isEqualTo("playful"));
    }
}
