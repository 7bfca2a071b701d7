package app.platform.events;

import java.util.UUID;

import org.springframework.modulith.events.EventPublication.Status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The state in which lookups read the publications they handed out, for the resubmission claims that follow (a
 * compare-and-set on it). A state is needed as long as the caller of the lookup holds the publication, which it may
 * still claim, so it is kept exactly that long: each is held through a weak reference to the publication read, which
 * the garbage collector clears once the caller let go of it. However many publications a lookup reads, none still
 * held is forgotten, and memory is bounded by what callers hold anyway.
 */
final class ReadStates {

    private final Cache<UUID, StoredPublication> read = Caffeine.newBuilder().weakValues().build();

    /** The status and attempt count at which a publication was read. */
    record Read(Status status, int attempts) {
    }

    /** Remembers the state a lookup read the publication in, replacing an earlier read of it. */
    void remember(StoredPublication publication) {
        read.put(publication.getIdentifier(), publication);
    }

    /** The state the publication was last read in, forgotten from now on; {@code null} if it was not read here. */
    Read take(UUID publication) {
        StoredPublication taken = read.asMap().remove(publication);
        return taken == null ? null : new Read(taken.statusAsRead(), taken.getCompletionAttempts());
    }

    /** How many read states are kept. */
    long size() {
        read.cleanUp();
        return read.estimatedSize();
    }
}
