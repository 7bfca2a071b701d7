package app.library;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.DuplicateItem;
import app.platform.dynamodb.Page;

/** Saves generated content and serves the library. */
@Service
class LibraryManagement {

    private final LibraryItems items;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    LibraryManagement(LibraryItems items, ApplicationEventPublisher events, TransactionOperations transactions,
            Clock clock) {
        this.items = items;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Saves a generation's content once: a second save of the same generation finds the item and does nothing. */
    void saveGenerated(String generationId, String owner, String type, String title, String body) {
        if (items.find(LibraryItem.key(owner, generationId)).isPresent()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                items.create(LibraryItem.fromGeneration(generationId, owner, type, title, body, clock.instant()));
                events.publishEvent(new LibraryContentSaved(UUID.randomUUID(), generationId, owner, type, title));
            });
        }
        catch (DuplicateItem savedConcurrently) {
            // Exactly one item per generation. (Inside a listener's transaction the duplicate surfaces at its
            // commit instead; the redelivery then finds the item above.)
        }
    }

    Page<LibraryItem> list(String owner, String cursor, int limit) {
        return items.newestOf(owner, cursor, limit);
    }

    /** The item, if it is the owner's; a view is an event of its own (a transaction without state). */
    Optional<LibraryItem> view(String owner, String id) {
        Optional<LibraryItem> item = items.find(LibraryItem.key(owner, id));
        item.ifPresent(found -> transactions.executeWithoutResult(status -> events.publishEvent(
                new UserContentViewed(UUID.randomUUID(), found.getId(), owner, found.getType()))));
        return item;
    }
}
