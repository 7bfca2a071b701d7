package app.platform.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * What the registry holds for chosen publications, incomplete and completed alike: their statuses, one per
 * publication. The two lookups are separate reads, so a publication that completes between them is found by both;
 * the later read, its completion, counts.
 */
public final class PublicationStatuses {

    private PublicationStatuses() {
    }

    public static List<Status> of(EventPublicationRepository registry, Predicate<TargetEventPublication> which) {
        Map<UUID, Status> byPublication = new LinkedHashMap<>();
        Stream.concat(registry.findIncompletePublications().stream(), registry.findCompletedPublications().stream())
                .filter(which)
                .forEach(publication -> byPublication.put(publication.getIdentifier(), publication.getStatus()));
        return List.copyOf(byPublication.values());
    }
}
