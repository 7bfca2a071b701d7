package app.platform.events;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

/** What the registry holds for chosen publications, incomplete and completed alike: their statuses. */
public final class PublicationStatuses {

    private PublicationStatuses() {
    }

    public static List<Status> of(EventPublicationRepository registry, Predicate<TargetEventPublication> which) {
        return Stream.concat(registry.findIncompletePublications().stream(),
                        registry.findCompletedPublications().stream())
                .filter(which)
                .map(TargetEventPublication::getStatus)
                .toList();
    }
}
