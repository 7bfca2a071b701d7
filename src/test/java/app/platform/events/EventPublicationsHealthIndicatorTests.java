package app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class EventPublicationsHealthIndicatorTests {

    @Test
    void upWithoutExhaustedPublications() {
        Health health = new EventPublicationsHealthIndicator(() -> 0).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("exhausted", 0);
    }

    @Test
    void degradedWhileExhaustedPublicationsWaitForAnOperator() {
        Health health = new EventPublicationsHealthIndicator(() -> 2).health();

        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).containsEntry("exhausted", 2);
    }

    @Test
    void unknownWhenTheRegistryCannotBeRead() {
        Health health = new EventPublicationsHealthIndicator(() -> {
            throw new IllegalStateException("registry unreachable");
        }).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    }
}
