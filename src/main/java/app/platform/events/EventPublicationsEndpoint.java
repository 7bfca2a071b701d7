package app.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * {@code /actuator/eventpublications}: what has not completed yet (oldest first) and, with a POST, resubmission of
 * incomplete publications to their listeners. Resubmission claims each publication with a conditional write, so
 * calling it on several instances at once runs each publication once.
 */
@Endpoint(id = "eventpublications")
class EventPublicationsEndpoint {

    private static final int LISTED = 100;

    private final EventPublicationRepository repository;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;

    EventPublicationsEndpoint(EventPublicationRepository repository, IncompleteEventPublications incomplete,
            Clock clock) {
        this.repository = repository;
        this.incomplete = incomplete;
        this.clock = clock;
    }

    /** The incomplete publications, counted by status, the oldest {@value #LISTED} listed. */
    @ReadOperation
    Report publications() {
        List<TargetEventPublication> all = repository.findIncompletePublications();
        Instant now = clock.instant();
        List<Entry> listed = all.stream()
                .sorted(Comparator.comparing(EventPublication::getPublicationDate))
                .limit(LISTED)
                .map(publication -> Entry.of(publication, now))
                .toList();
        return new Report(all.size(), count(all, Status.PUBLISHED), count(all, Status.PROCESSING),
                count(all, Status.RESUBMITTED), count(all, Status.FAILED), listed);
    }

    /**
     * Resubmits incomplete publications to their listeners.
     *
     * @param status only publications in this status (e.g. {@code FAILED}); all incomplete ones when absent
     * @param olderThan only publications published longer ago than this ({@code 30s}, {@code PT5M}); any age when
     *     absent
     */
    @WriteOperation
    Resubmission resubmit(@Nullable String status, @Nullable String olderThan) {
        Status only = status == null ? null : incompleteStatus(status);
        Instant before = olderThan == null ? null : clock.instant().minus(duration(olderThan));
        AtomicInteger selected = new AtomicInteger();
        incomplete.resubmitIncompletePublications(publication -> {
            boolean chosen = (only == null || publication.getStatus() == only)
                    && (before == null || publication.getPublicationDate().isBefore(before));
            if (chosen) {
                selected.incrementAndGet();
            }
            return chosen;
        });
        return new Resubmission(selected.get());
    }

    private static Status incompleteStatus(String text) {
        try {
            Status status = Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
            if (status != Status.COMPLETED) {
                return status;
            }
        }
        catch (IllegalArgumentException unknown) {
            // Answered below.
        }
        throw new InvalidEndpointRequestException("Unknown status '" + text + "'",
                "status must be one of PUBLISHED, PROCESSING, RESUBMITTED, FAILED");
    }

    private static Duration duration(String text) {
        try {
            return DurationStyle.detectAndParse(text);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidEndpointRequestException("Invalid duration '" + text + "'",
                    "olderThan must be a duration such as 30s, 5m or PT5M");
        }
    }

    private static long count(List<TargetEventPublication> publications, Status status) {
        return publications.stream().filter(publication -> publication.getStatus() == status).count();
    }

    record Report(int incomplete, long published, long processing, long resubmitted, long failed,
            List<Entry> oldest) {
    }

    record Entry(String id, String eventType, String listener, Status status, Instant publishedAt, long ageSeconds,
            int completionAttempts, Instant lastResubmittedAt) {

        static Entry of(TargetEventPublication publication, Instant now) {
            return new Entry(publication.getIdentifier().toString(), publication.getEvent().getClass().getName(),
                    publication.getTargetIdentifier().getValue(), publication.getStatus(),
                    publication.getPublicationDate(),
                    Duration.between(publication.getPublicationDate(), now).toSeconds(),
                    publication.getCompletionAttempts(), publication.getLastResubmissionDate());
        }
    }

    /** @param selected how many publications were selected for resubmission (each runs once across instances) */
    record Resubmission(int selected) {
    }
}
