package app.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;
import app.platform.web.InvalidInput;
import app.platform.web.NotFound;
import app.platform.web.PageRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The caller's library: the list holds the caller's own items; shared items are read and edited by id. */
@RestController
@RequestMapping("/api/v1/library/items")
class LibraryController {

    private final LibraryManagement library;
    private final JsonMapper json;

    LibraryController(LibraryManagement library, JsonMapper json) {
        this.library = library;
        this.json = json;
    }

    record Item(String id, String type, String title, String body, Long version, Instant createdAt,
            Instant updatedAt) {

        static Item of(LibraryItem item) {
            return new Item(item.getId(), item.getType(), item.getTitle(), item.getBody(), item.getVersion(),
                    item.getCreatedAt(), item.getUpdatedAt());
        }
    }

    /**
     * Newest first; {@code type} and {@code q} narrow the list ({@code q}: text within the title, or words all found
     * in the title and body; any case).
     */
    @GetMapping
    Page<Item> items(CurrentUser caller, PageRequest page, @RequestParam(required = false) String type,
            @RequestParam(required = false) String q) {
        Page<LibraryItem> found = library.list(caller.id(), type, q, page.cursor(), page.limit());
        return new Page<>(found.items().stream().map(Item::of).toList(), found.nextCursor());
    }

    record Edit(String title, String body, Long version) {
    }

    record Version(long version, String title, String body, String savedAt) {
    }

    /**
     * The item, if the caller owns it or collaborates on it, with its version as the {@code ETag} to send back in
     * {@code If-Match} when editing.
     */
    @GetMapping("/{id}")
    ResponseEntity<Item> item(CurrentUser caller, @PathVariable String id) {
        LibraryItem item = library.view(caller.id(), id).orElseThrow(() -> new NotFound("No library item " + id));
        return ResponseEntity.ok().eTag("\"" + item.getVersion() + "\"").body(Item.of(item));
    }

    /** The owner and collaborators may edit; the item's topic announces each edit. */
    @PutMapping("/{id}")
    ResponseEntity<Item> edit(CurrentUser caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody Edit edit) {
        boolean fromIfMatch = ifMatch != null;
        long expected = fromIfMatch ? versionOf(ifMatch)
                : Optional.ofNullable(edit.version()).orElseThrow(VersionRequired::new);
        LibraryItem item = library.edit(caller.id(), id, expected, fromIfMatch, edit.title(), edit.body());
        return ResponseEntity.ok().eTag("\"" + item.getVersion() + "\"").body(Item.of(item));
    }

    /** Every kept version, the current one first. */
    @GetMapping("/{id}/versions")
    Page<Version> versions(CurrentUser caller, @PathVariable String id) {
        LibraryItem item = library.accessible(caller.id(), id)
                .orElseThrow(() -> new NotFound("No library item " + id));
        List<Version> versions = new ArrayList<>();
        versions.add(new Version(item.getVersion(), item.getTitle(), item.getBody(), item.getUpdatedAt().toString()));
        List<Version> earlier = new ArrayList<>(json.readValue(item.getHistory(),
                new TypeReference<List<Version>>() {
                }));
        Collections.reverse(earlier);
        versions.addAll(earlier);
        return new Page<>(versions, null);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser caller, @PathVariable String id) {
        library.delete(caller.id(), id);
        return ResponseEntity.noContent().build();
    }

    private static long versionOf(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        }
        catch (NumberFormatException notOurs) {
            throw InvalidInput.of("If-Match", "must be the ETag of the item, such as \"3\"");
        }
    }
}
