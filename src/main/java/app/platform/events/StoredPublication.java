package app.platform.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/** An event publication as read from the registry table. */
final class StoredPublication implements TargetEventPublication {

    private final UUID identifier;
    private final Object event;
    private final PublicationTargetIdentifier targetIdentifier;
    private final Instant publicationDate;
    private final Instant lastResubmissionDate;
    private final int completionAttempts;
    private final boolean exhausted;
    private Status status;
    private Instant completionDate;

    StoredPublication(UUID identifier, Object event, PublicationTargetIdentifier targetIdentifier,
            Instant publicationDate, Status status, Instant completionDate, int completionAttempts,
            Instant lastResubmissionDate, boolean exhausted) {
        this.identifier = identifier;
        this.event = event;
        this.targetIdentifier = targetIdentifier;
        this.publicationDate = publicationDate;
        this.status = status;
        this.completionDate = completionDate;
        this.completionAttempts = completionAttempts;
        this.lastResubmissionDate = lastResubmissionDate;
        this.exhausted = exhausted;
    }

    @Override
    public UUID getIdentifier() {
        return identifier;
    }

    @Override
    public Object getEvent() {
        return event;
    }

    @Override
    public PublicationTargetIdentifier getTargetIdentifier() {
        return targetIdentifier;
    }

    @Override
    public Instant getPublicationDate() {
        return publicationDate;
    }

    @Override
    public Optional<Instant> getCompletionDate() {
        return Optional.ofNullable(completionDate);
    }

    @Override
    public Status getStatus() {
        return status;
    }

    @Override
    public Instant getLastResubmissionDate() {
        return lastResubmissionDate;
    }

    @Override
    public int getCompletionAttempts() {
        return completionAttempts;
    }

    /** Whether it failed after using up its attempts: the retrier leaves it to an operator. */
    boolean isExhausted() {
        return exhausted;
    }

    /** The status as an operator sees it: Spring Modulith's, or {@code EXHAUSTED} for a failed one out of attempts. */
    String state() {
        return exhausted && status == Status.FAILED ? PublicationItems.EXHAUSTED : status.name();
    }

    @Override
    public void markCompleted(Instant instant) {
        this.completionDate = instant;
        this.status = Status.COMPLETED;
    }

    @Override
    public String toString() {
        return "StoredPublication[" + identifier + " " + event.getClass().getName() + " -> "
                + targetIdentifier.getValue() + " " + state() + "]";
    }
}
