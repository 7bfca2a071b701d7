package app.library;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;
import app.platform.web.NotFound;
import app.platform.web.PageRequest;

/** The caller's library. */
@RestController
@RequestMapping("/api/v1/library/items")
class LibraryController {

    private final LibraryManagement library;

    LibraryController(LibraryManagement library) {
        this.library = library;
    }

    record Item(String id, String type, String title, String body, Long version, Instant createdAt,
            Instant updatedAt) {

        static Item of(LibraryItem item) {
            return new Item(item.getId(), item.getType(), item.getTitle(), item.getBody(), item.getVersion(),
                    item.getCreatedAt(), item.getUpdatedAt());
        }
    }

    @GetMapping
    Page<Item> items(CurrentUser caller, PageRequest page) {
        Page<LibraryItem> found = library.list(caller.id(), page.cursor(), page.limit());
        return new Page<>(found.items().stream().map(Item::of).toList(), found.nextCursor());
    }

    @GetMapping("/{id}")
    Item item(CurrentUser caller, @PathVariable String id) {
        return Item.of(library.view(caller.id(), id).orElseThrow(() -> new NotFound("No library item " + id)));
    }
}
