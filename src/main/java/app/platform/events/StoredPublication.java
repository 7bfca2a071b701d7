package app.platform.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * An event publication as read from the registry table. Its event is deserialized when first asked for, and then kept:
 * what needs only its id, status and dates never reads it, and one that cannot be read ({@link UnreadableEvent}) fails
 * only the code that asks for it.
 */
final class StoredPublication implements TargetEventPublication {

    private final UUID identifier;
    private final String eventType;
    private final Supplier<Object> eventReader;
    private Object event;
    private UnreadableEvent unreadable;
    private final PublicationTargetIdentifier targetIdentifier;
    private final Instant publicationDate;
    private final Instant lastResubmissionDate;
    private final int completionAttempts;
    private final boolean exhausted;
    private final Instant leaseUntil;
    private final String leaseOwner;
    private final Status statusAsRead;
    private Status status;
    private Instant completionDate;

    StoredPublication(UUID identifier, String eventType, Supplier<Object> eventReader,
            PublicationTargetIdentifier targetIdentifier, Instant publicationDate, Status status,
            Instant completionDate, int completionAttempts, Instant lastResubmissionDate, boolean exhausted,
            Instant leaseUntil, String leaseOwner) {
        this.identifier = identifier;
        this.eventType = eventType;
        this.eventReader = eventReader;
        this.targetIdentifier = targetIdentifier;
        this.publicationDate = publicationDate;
        this.statusAsRead = status;
        this.status = status;
        this.completionDate = completionDate;
        this.completionAttempts = completionAttempts;
        this.lastResubmissionDate = lastResubmissionDate;
        this.exhausted = exhausted;
        this.leaseUntil = leaseUntil;
        this.leaseOwner = leaseOwner;
    }

    @Override
    public UUID getIdentifier() {
        return identifier;
    }

    /**
     * The event, deserialized at the first call; the same instance at every call, as Spring Modulith's publications in
     * progress are keyed by the event's identity.
     *
     * @throws UnreadableEvent if it cannot be read here
     */
    @Override
    public synchronized Object getEvent() {
        if (event == null) {
            if (unreadable != null) {
                throw unreadable;
            }
            try {
                event = eventReader.get();
            }
            catch (UnreadableEvent e) {
                unreadable = e;
                throw e;
            }
        }
        return event;
    }

    /** The stored class name of the event, known without reading it. */
    String eventType() {
        return eventType;
    }

    /** Why the event cannot be read here, reading it if that was not tried yet; empty when it can. */
    Optional<String> unreadable() {
        try {
            getEvent();
            return Optional.empty();
        }
        catch (UnreadableEvent e) {
            return Optional.of(e.getMessage());
        }
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

    /** Until when the instance that claimed it holds it; empty when it is not claimed. */
    Optional<Instant> leaseUntil() {
        return Optional.ofNullable(leaseUntil);
    }

    /** The instance that claimed it ({@link Leases#owner()}); {@code null} when it is not claimed. */
    String leaseOwner() {
        return leaseOwner;
    }

    /** The status it was read with, whatever Spring Modulith marks it with in memory since. */
    Status statusAsRead() {
        return statusAsRead;
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
        return "StoredPublication[" + identifier + " " + eventType + " -> "
                + targetIdentifier.getValue() + " " + state() + "]";
    }
}
