package app.notification;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.users.UserAccountCreated;
import app.users.UserProfileUpdated;

/**
 * Keeps the notification module's copy of each user's address and name from the users module's events, each applied
 * once (a redelivered event finds its id on the recipient and changes nothing).
 */
@Component
class RecipientListeners {

    private final Recipients recipients;

    RecipientListeners(Recipients recipients) {
        this.recipients = recipients;
    }

    @ApplicationModuleListener
    void on(UserAccountCreated created) {
        update(created.userId(), created.eventId(), recipient -> {
            recipient.setEmail(created.email());
            recipient.setDisplayName(created.displayName());
        });
    }

    @ApplicationModuleListener
    void on(UserProfileUpdated updated) {
        update(updated.userId(), updated.eventId(), recipient -> recipient.setDisplayName(updated.displayName()));
    }

    private void update(String userId, UUID eventId, Consumer<Recipient> change) {
        Recipient recipient = recipients.of(userId).orElseGet(() -> Recipient.of(userId));
        if (recipient.hasHandled(eventId)) {
            return;
        }
        change.accept(recipient);
        recipient.markHandled(eventId);
        recipients.save(recipient);
    }
}
