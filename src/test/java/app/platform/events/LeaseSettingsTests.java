package app.platform.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication.Status;

/** The lease and retention settings are checked at start-up, and Spring Modulith's publication-date staleness is refused. */
class LeaseSettingsTests {

    @Test
    void aLeaseTooShortToRenewOrAMaximumProcessingTimeShorterThanTheLeaseIsRefused() {
        assertThatThrownBy(() -> settings(Duration.ofSeconds(2), Duration.ofMinutes(30)))
                .hasMessageContaining("app.events.lease");
        assertThatThrownBy(() -> settings(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .hasMessageContaining("app.events.max-processing");
        assertThatCode(() -> settings(Duration.ofMinutes(2), Duration.ofMinutes(2))).doesNotThrowAnyException();
    }

    @Test
    void aCompletedRetentionShorterThanAnHourIsRefused() {
        assertThatThrownBy(() -> settings(Duration.ofMinutes(59)))
                .hasMessageContaining("app.events.completed-retention");
        assertThatCode(() -> settings(Duration.ofHours(1))).doesNotThrowAnyException();
    }

    @Test
    void springModulithsStalenessCountedFromThePublicationDateIsRefused() {
        assertThatThrownBy(() -> EventRegistryConfiguration.refusePublicationDateStaleness(
                status -> status == Status.PUBLISHED ? Duration.ofMinutes(5) : Duration.ZERO))
                .hasMessageContaining("spring.modulith.events.staleness");
        assertThatCode(() -> EventRegistryConfiguration.refusePublicationDateStaleness(status -> Duration.ZERO))
                .doesNotThrowAnyException();
    }

    private static EventRegistrySettings settings(Duration lease, Duration maxProcessing) {
        return new EventRegistrySettings(4, Duration.ofSeconds(60), Duration.ofSeconds(30), 100, 1000, 5, lease,
                maxProcessing, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofDays(7));
    }

    private static EventRegistrySettings settings(Duration completedRetention) {
        return new EventRegistrySettings(4, Duration.ofSeconds(60), Duration.ofSeconds(30), 100, 1000, 5,
                Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofMinutes(5),
                completedRetention);
    }
}
