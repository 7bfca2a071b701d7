package app.studio;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A generation was given up. The content saga's compensations follow: each module runs the ones named for it
 * ({@code refund-quota} in the studio, {@code remove-from-library} in the library, {@code notify-failure} in the
 * notifications) and reports it back as a step.
 *
 * @param compensations the compensation steps the saga waits for
 */
@Externalized("ai.generation.failed")
public record GenerationFailed(UUID eventId, String generationId, String owner, String type, String reason,
        List<String> compensations) {

    public boolean compensates(String step) {
        return compensations != null && compensations.contains(step);
    }
}
