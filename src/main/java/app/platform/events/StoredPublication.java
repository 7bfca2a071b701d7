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
    private Status status;
    private Instant completionDate;

    StoredPublication(UUID identifier, Object event, PublicationTargetIdentifier targetIdentifier,
            Instant publicationDate, Status status, Instant completionDate, int completionAttempts,
            Instant lastResubmissionDate) {
        this.identifier = identifier;
        this.event = event;
        this.targetIdentifier = targetIdentifier;
        this.publicationDate = publicationDate;
        this.status = status;
        this.completionDate = completionDate;
        this.completionAttempts = completionAttempts;
        this.lastResubmissionDate = lastResubmissionDate;
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

    @Override
    public void markCompleted(Instant instant) {
        this.completionDate = instant;
        this.status = Status.COMPLETED;
    }

    @Override
    public String toString() {
        return "StoredPublication[" + identifier + " " + event.getClass().getName() + " -> "
                + targetIdentifier.getValue() + " " + status + "]";
    }
}
