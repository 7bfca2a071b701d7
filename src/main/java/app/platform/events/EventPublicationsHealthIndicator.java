package app.platform.events;

import java.util.function.IntSupplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code eventPublications}: {@code DEGRADED} (ranked below {@code UP}, so the instance stays in service) while failed
 * publications that used up their attempts wait for an operator, with their number as {@code exhausted}; {@code UNKNOWN}
 * when the registry cannot be read (the {@code dynamodb} indicator reports that).
 */
class EventPublicationsHealthIndicator implements HealthIndicator {

    private static final Status DEGRADED = new Status("DEGRADED",
            "Event publications used up their attempts: resubmit them at /actuator/eventpublications");

    private final IntSupplier exhausted;

    EventPublicationsHealthIndicator(IntSupplier exhausted) {
        this.exhausted = exhausted;
    }

    @Override
    public Health health() {
        int count;
        try {
            count = exhausted.getAsInt();
        }
        catch (RuntimeException unreadable) {
            return Health.unknown().withException(unreadable).build();
        }
        return (count == 0 ? Health.up() : Health.status(DEGRADED)).withDetail("exhausted", count).build();
    }
}
