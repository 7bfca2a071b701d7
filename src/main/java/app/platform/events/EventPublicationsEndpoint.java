package app.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * {@code /actuator/eventpublications}: what has not completed yet, counted by status and the oldest listed, and, with a
 * POST, resubmission of incomplete publications to their listeners. Besides Spring Modulith's statuses it shows
 * {@code EXHAUSTED}: failed publications that used up their attempts ({@code app.events.max-attempts}), which the
 * retrier leaves alone. Resubmitting one gives it one more attempt; should it fail again, it is exhausted again. A
 * publication whose event this instance cannot read is listed with the reason as {@code unreadable} and is not
 * resubmitted. Nor is one whose lease holds ({@code leasedUntil}): its listener is running, here or on another
 * instance. Resubmission claims each publication with a conditional write, so calling it on several instances at
 * once runs each publication once.
 */
@Endpoint(id = "eventpublications")
class EventPublicationsEndpoint {

    private static final int LISTED = 100;
    private static final List<String> STATUSES = DynamoDbEventPublicationRepository.INCOMPLETE;

    private final DynamoDbEventPublicationRepository repository;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;

    EventPublicationsEndpoint(DynamoDbEventPublicationRepository repository, IncompleteEventPublications incomplete,
            Clock clock) {
        this.repository = repository;
        this.incomplete = incomplete;
        this.clock = clock;
    }

    /**
     * The incomplete publications counted by status (COUNT queries), the oldest {@value #LISTED} listed (one page of
     * each index partition).
     */
    @ReadOperation
    Report publications() {
        Map<String, Integer> counts = repository.incompleteCounts();
        Instant now = clock.instant();
        List<Entry> oldest = repository.oldestIncomplete(LISTED).stream()
                .map(publication -> Entry.of(publication, now))
                .toList();
        return new Report(counts.values().stream().mapToInt(Integer::intValue).sum(),
                counts.get(Status.PUBLISHED.name()), counts.get(Status.PROCESSING.name()),
                counts.get(Status.RESUBMITTED.name()), counts.get(Status.FAILED.name()),
                counts.get(PublicationItems.EXHAUSTED), oldest);
    }

    /**
     * Resubmits incomplete publications to their listeners, except those whose listener is running (their lease
     * holds).
     *
     * @param status only publications in this status: {@code PUBLISHED}, {@code PROCESSING}, {@code RESUBMITTED},
     *     {@code FAILED} (with attempts left) or {@code EXHAUSTED}; all incomplete ones when absent
     * @param olderThan only publications published longer ago than this ({@code 30s}, {@code PT5M}); any age when
     *     absent
     */
    @WriteOperation
    Resubmission resubmit(@Nullable String status, @Nullable String olderThan) {
        String only = status == null ? null : incompleteStatus(status);
        Instant before = olderThan == null ? null : clock.instant().minus(duration(olderThan));
        AtomicInteger selected = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        incomplete.resubmitIncompletePublications(publication -> {
            boolean chosen = (only == null || state(publication).equals(only))
                    && (before == null || publication.getPublicationDate().isBefore(before));
            if (chosen && publication instanceof StoredPublication stored && repository.leaseHolds(stored)) {
                running.incrementAndGet();
                return false;
            }
            if (chosen) {
                selected.incrementAndGet();
            }
            return chosen;
        });
        return new Resubmission(selected.get(), running.get());
    }

    private static String state(EventPublication publication) {
        return publication instanceof StoredPublication stored ? stored.state() : publication.getStatus().name();
    }

    private static String incompleteStatus(String text) {
        String status = text.trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new InvalidEndpointRequestException("Unknown status '" + text + "'",
                    "status must be one of " + String.join(", ", STATUSES));
        }
        return status;
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

    /** @param failed failed publications with attempts left, which the retrier resubmits */
    record Report(int incomplete, int published, int processing, int resubmitted, int failed, int exhausted,
            List<Entry> oldest) {
    }

    /**
     * @param status Spring Modulith's status, or {@code EXHAUSTED} for a failed one without attempts left
     * @param ageSeconds how long ago it was published
     * @param leasedUntil until when the instance that claimed it holds it (renewed while its listener runs);
     *     {@code null} when it is not claimed
     * @param unreadable why its event cannot be read here; {@code null} when it can
     */
    record Entry(String id, String eventType, String listener, String status, Instant publishedAt, long ageSeconds,
            int completionAttempts, Instant lastResubmittedAt, @Nullable Instant leasedUntil,
            @Nullable String unreadable) {

        static Entry of(StoredPublication publication, Instant now) {
            return new Entry(publication.getIdentifier().toString(), publication.eventType(),
                    publication.getTargetIdentifier().getValue(), publication.state(),
                    publication.getPublicationDate(),
                    Duration.between(publication.getPublicationDate(), now).toSeconds(),
                    publication.getCompletionAttempts(), publication.getLastResubmissionDate(),
                    publication.leaseUntil().orElse(null), publication.unreadable().orElse(null));
        }
    }

    /**
     * @param selected how many publications were selected for resubmission (each runs once across instances)
     * @param running how many matched but were left alone because their listener is running (their lease holds)
     */
    record Resubmission(int selected, int running) {
    }
}
