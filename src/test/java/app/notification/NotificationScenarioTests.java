package app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import app.platform.PlatformIntegrationTest;
import app.studio.GenerationFailed;

/** The seed flow generation failed → notification alert, as a Spring Modulith scenario. */
@PlatformIntegrationTest
@EnableScenarios
class NotificationScenarioTests {

    @Autowired
    Inbox inbox;

    @Test
    void aFailedGenerationAlertsItsOwner(Scenario scenario) {
        String owner = "owner-" + UUID.randomUUID();

        scenario.publish(new GenerationFailed(UUID.randomUUID(), "generation-1", owner, "blog", "The model timed out.",
                List.of("refund-quota", "notify-failure")))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> inbox.newest(owner, null, 10).items(), items -> !items.isEmpty())
                .andVerify(items -> {
                    assertThat(items).singleElement().satisfies(notification -> {
                        assertThat(notification.getType()).isEqualTo("ai.generation.failed");
                        assertThat(notification.getBody()).contains("The model timed out.");
                    });
                });
    }
}
