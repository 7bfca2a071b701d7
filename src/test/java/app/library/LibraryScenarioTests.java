package app.library;

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
import app.studio.BlogContentGenerated;

/** The seed flow blog generated → library save, as a Spring Modulith scenario. */
@PlatformIntegrationTest
@EnableScenarios
class LibraryScenarioTests {

    @Autowired
    RecordedEvents published;

    @Test
    void aGeneratedBlogPostIsSavedToTheLibrary(Scenario scenario) {
        String generation = UUID.randomUUID().toString();

        scenario.publish(new BlogContentGenerated(UUID.randomUUID(), generation, "owner-" + UUID.randomUUID(),
                "A title", "A body about scenarios.", List.of("scenarios")))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> published.latest(LibraryContentSaved.class,
                        saved -> saved.itemId().equals(generation)), Optional::isPresent)
                .andVerify(saved -> assertThat(saved.orElseThrow().type()).isEqualTo("blog"));
    }
}
