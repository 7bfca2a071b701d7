package app.library;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.Conflicts;
import app.platform.dynamodb.DuplicateItem;
import app.platform.dynamodb.Page;
import app.platform.dynamodb.StaleItem;
import app.platform.push.LiveMessages;
import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;
import app.platform.web.NotFound;
import app.studio.GenerationStepCompleted;
import app.studio.GenerationStepFailed;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Saves generated content and serves the library. */
@Service
class LibraryManagement {

    static final int KEPT_VERSIONS = 20;
    /** At most 3 bytes a character in UTF-8: a body of 50,000 characters stays under 150 KB. */
    static final int MAX_BODY = 50_000;
    static final int MAX_HISTORY_BYTES = 200_000;
    private static final int ATTEMPTS = 10;

    private final LibraryItems items;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final JsonMapper json;
    private final Collaborations collaborations;
    private final LibraryMembers members;
    private final LiveMessages live;

    LibraryManagement(LibraryItems items, ApplicationEventPublisher events, TransactionOperations transactions,
            Clock clock, JsonMapper json, Collaborations collaborations, LibraryMembers members, LiveMessages live) {
        this.items = items;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.collaborations = collaborations;
        this.members = members;
        this.live = live;
    }

    /** What subscribers of an item's topic receive after each successful edit. */
    record Edited(String type, long version, String editorId) {

        Edited(long version, String editorId) {
            this("edit", version, editorId);
        }
    }

    /** The STOMP topic of an item, where its owner and collaborators see edits and who is present. */
    static String topicOf(String itemId) {
        return LibraryTopics.PREFIX + itemId;
    }

    /**
     * The content saga's library step: saves a generation's content once (a second save of the same generation finds
     * the item, or its withdrawn placeholder, and does nothing). Content the library cannot hold is refused for good.
     */
    void saveGenerated(String generationId, String owner, String type, String title, String body) {
        if (items.find(LibraryItem.key(owner, generationId)).isPresent()) {
            return;
        }
        if (body == null || body.length() > MAX_BODY) {
            transactions.executeWithoutResult(status -> events.publishEvent(new GenerationStepFailed(
                    UUID.randomUUID(), generationId, owner, "library", "The library keeps at most " + MAX_BODY
                            + " characters of content; this has " + (body == null ? 0 : body.length()) + ".")));
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                items.create(LibraryItem.fromGeneration(generationId, owner, type, title, body, clock.instant()));
                events.publishEvent(new LibraryContentSaved(UUID.randomUUID(), generationId, owner, type, title));
                events.publishEvent(new GenerationStepCompleted(UUID.randomUUID(), generationId, owner, "library"));
            });
        }
        catch (DuplicateItem savedConcurrently) {
            // Exactly one item per generation. (Inside a listener's transaction the duplicate surfaces at its
            // commit instead; the redelivery then finds the item above.)
        }
    }

    /**
     * Compensation of the library step when the saga gives a generation up: the item (if saved) is withdrawn, and a
     * placeholder stops a save that is still on its way. Reports {@code remove-from-library} with the change.
     */
    void withdrawGenerated(String generationId, String owner, String type) {
        Conflicts.retryOnConflict(ATTEMPTS, () -> {
            transactions.executeWithoutResult(status -> {
                Optional<LibraryItem> item = items.find(LibraryItem.key(owner, generationId));
                if (item.isPresent() && !item.get().isShown()) {
                    return;
                }
                if (item.isPresent()) {
                    item.get().withdraw(clock.instant());
                    items.save(item.get());
                }
                else {
                    items.create(LibraryItem.withdrawnPlaceholder(generationId, owner, type, clock.instant()));
                }
                events.publishEvent(new GenerationStepCompleted(UUID.randomUUID(), generationId, owner,
                        "remove-from-library"));
            });
            return null;
        });
    }

    /**
     * Replaces the item's title and body if it is still at {@code expectedVersion}, keeping the previous version in
     * its history (the last {@value #KEPT_VERSIONS}).
     *
     * The owner and the item's collaborators may edit; each successful edit is announced on the item's topic.
     *
     * @param fromIfMatch whether the version came from {@code If-Match} (a mismatch is then 412) or from the body
     *     (409, like any stale write)
     */
    LibraryItem edit(String editor, String id, long expectedVersion, boolean fromIfMatch, String title,
            String body) {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.add(new FieldError("title", "must be 1 to 200 characters"));
        }
        if (body == null || body.length() > MAX_BODY) {
            errors.add(new FieldError("body", "is required, at most " + MAX_BODY + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        LibraryItem item = accessible(editor, id).orElseThrow(() -> new NotFound("No item " + id));
        if (item.getVersion() != expectedVersion) {
            if (fromIfMatch) {
                throw new VersionMismatch(expectedVersion, item.getVersion());
            }
            throw new StaleVersion(expectedVersion, item.getVersion());
        }
        List<Map<String, Object>> history = new ArrayList<>(json.readValue(item.getHistory(),
                new TypeReference<List<Map<String, Object>>>() {
                }));
        history.add(Map.of("version", item.getVersion(), "title", item.getTitle(), "body",
                item.getBody() == null ? "" : item.getBody(), "savedAt", item.getUpdatedAt().toString()));
        if (history.size() > KEPT_VERSIONS) {
            history = new ArrayList<>(history.subList(history.size() - KEPT_VERSIONS, history.size()));
        }
        // DynamoDB items hold at most 400 KB: the oldest versions go first when the history would outgrow its share.
        while (history.size() > 1 && json.writeValueAsBytes(history).length > MAX_HISTORY_BYTES) {
            history.removeFirst();
        }
        item.setHistory(json.writeValueAsString(history));
        item.setTitle(title.strip());
        item.setBody(body);
        item.setUpdatedAt(clock.instant());
        try {
            items.save(item);
        }
        catch (StaleItem raced) {
            if (fromIfMatch) {
                throw new VersionMismatch(expectedVersion, expectedVersion + 1);
            }
            throw raced;
        }
        item.setVersion(item.getVersion() + 1);
        live.toTopic(topicOf(id), new Edited(item.getVersion(), editor));
        return item;
    }

    /** Deletes the owner's item and its collaborators' access. */
    void delete(String owner, String id) {
        find(owner, id).orElseThrow(() -> new NotFound("No item " + id));
        items.delete(LibraryItem.key(owner, id));
        collaborations.onItem(owner, id).forEach(collaboration -> collaborations.delete(
                Collaboration.key(collaboration.getOwner(), id)));
    }

    Page<LibraryItem> list(String owner, String cursor, int limit) {
        return list(owner, null, null, cursor, limit);
    }

    Page<LibraryItem> list(String owner, String type, String text, String cursor, int limit) {
        return items.newestOf(owner, blankToNull(type), blankToNull(text), cursor, limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The owner's item, unless it was withdrawn. */
    Optional<LibraryItem> find(String owner, String id) {
        return items.find(LibraryItem.key(owner, id)).filter(LibraryItem::isShown);
    }

    /** The item if the user owns it or collaborates on it (unless it was withdrawn). */
    Optional<LibraryItem> accessible(String user, String id) {
        Optional<LibraryItem> own = find(user, id);
        if (own.isPresent()) {
            return own;
        }
        return collaborations.of(user, id).flatMap(collaboration -> find(collaboration.getItemOwner(), id));
    }

    /**
     * The item, if the caller owns it or collaborates on it; a view is an event of its own (a transaction without
     * state), counted for the item's owner.
     */
    Optional<LibraryItem> view(String caller, String id) {
        Optional<LibraryItem> item = accessible(caller, id);
        item.ifPresent(found -> transactions.executeWithoutResult(status -> events.publishEvent(
                new UserContentViewed(UUID.randomUUID(), found.getId(), found.getOwner(), found.getType()))));
        return item;
    }

    /**
     * Lets the user with this e-mail address read and edit the owner's item. Adding someone twice changes nothing.
     *
     * @return the collaboration, and whether it is new
     * @throws UnknownCollaborator when no user has this address (as far as the library knows)
     */
    Added addCollaborator(String owner, String id, String email) {
        LibraryItem item = find(owner, id).orElseThrow(() -> new NotFound("No library item " + id));
        LibraryMember member = members.byEmail(email).orElseThrow(UnknownCollaborator::new);
        if (member.getOwner().equals(owner)) {
            throw InvalidInput.of("email", "is your own address: the owner already has access");
        }
        Optional<Collaboration> existing = collaborations.of(member.getOwner(), item.getId());
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        if (collaborations.onItem(owner, id).size() >= Collaborations.MAX_PER_ITEM) {
            throw InvalidInput.of("email", "an item has at most " + Collaborations.MAX_PER_ITEM + " collaborators");
        }
        Collaboration collaboration = Collaboration.of(member.getOwner(), owner, id, member.getEmail(),
                member.getDisplayName(), clock.instant());
        try {
            collaborations.create(collaboration);
        }
        catch (DuplicateItem addedConcurrently) {
            return new Added(collaborations.of(member.getOwner(), id).orElse(collaboration), false);
        }
        return new Added(collaboration, true);
    }

    record Added(Collaboration collaboration, boolean created) {
    }

    /** Ends a collaborator's access to the owner's item. */
    void removeCollaborator(String owner, String id, String collaboratorId) {
        find(owner, id).orElseThrow(() -> new NotFound("No library item " + id));
        collaborations.of(collaboratorId, id).filter(collaboration -> collaboration.getItemOwner().equals(owner))
                .orElseThrow(() -> new NotFound("No collaborator " + collaboratorId + " on item " + id));
        collaborations.delete(Collaboration.key(collaboratorId, id));
    }

    /** The collaborators of the owner's item. */
    List<Collaboration> collaborators(String owner, String id) {
        find(owner, id).orElseThrow(() -> new NotFound("No library item " + id));
        return collaborations.onItem(owner, id);
    }
}
