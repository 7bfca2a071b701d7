package app.notification;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.Conflicts;
import app.users.UserAccountCreated;
import app.users.UserProfileUpdated;

/**
 * Keeps the notification module's copy of each user's address and name from the users module's events, each applied
 * once (a redelivered event finds its id on the recipient and changes nothing). A new account's copy is stored by
 * {@link NotificationListeners} right before its welcome notice, so the welcome e-mail always finds the address.
 */
@Component
class RecipientListeners {

    private static final int ATTEMPTS = 5;

    private final Recipients recipients;
    private final TransactionOperations transactions;

    RecipientListeners(Recipients recipients, TransactionOperations transactions) {
        this.recipients = recipients;
        this.transactions = transactions;
    }

    /** Stores a new account's address and name, in a transaction of its own. */
    void remember(UserAccountCreated created) {
        Conflicts.retryOnConflict(ATTEMPTS, () -> {
            transactions.executeWithoutResult(status -> update(created.userId(), created.eventId(), recipient -> {
                recipient.setEmail(created.email());
                recipient.setDisplayName(created.displayName());
            }));
            return null;
        });
    }

    @ApplicationModuleListener
    void on(UserProfileUpdated updated) {
        update(updated.userId(), updated.eventId(), recipient -> recipient.setDisplayName(updated.displayName()));
    }

    private void update(String userId, UUID eventId, Consumer<Recipient> change) {
        Recipient recipient = recipients.of(userId).orElseGet(() -> Recipient.of(userId));
        if (recipients.hasHandled(recipient, eventId)) {
            return;
        }
        change.accept(recipient);
        recipient.markHandled(eventId);
        recipients.save(recipient);
    }
}
