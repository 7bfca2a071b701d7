package app.notification;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;
import app.platform.web.NotFound;
import app.platform.web.PageRequest;

/** The caller's inbox. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

    private final Inbox inbox;

    NotificationsController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** @param email the notification's e-mail: where it stands and how many attempts it took so far */
    record Item(String id, String type, String title, String body, Instant createdAt, boolean read, Email email) {

        static Item of(Notification notification) {
            return new Item(notification.getId(), notification.getType(), notification.getTitle(),
                    notification.getBody(), notification.getCreatedAt(), notification.isRead(),
                    notification.getEmailStatus() == null ? null
                            : new Email(notification.getEmailStatus(), notification.getEmailAttempts()));
        }
    }

    /** @param status {@code PENDING}, {@code SENT}, {@code FAILED} or {@code SKIPPED} */
    record Email(String status, int attempts) {
    }

    @GetMapping
    Page<Item> inbox(CurrentUser caller, PageRequest page) {
        Page<Notification> found = inbox.newest(caller.id(), page.cursor(), page.limit());
        return new Page<>(found.items().stream().map(Item::of).toList(), found.nextCursor());
    }

    @PostMapping("/{id}/read")
    Item markRead(CurrentUser caller, @PathVariable String id) {
        return Item.of(inbox.markRead(caller.id(), id).orElseThrow(() -> new NotFound("No notification " + id)));
    }
}
