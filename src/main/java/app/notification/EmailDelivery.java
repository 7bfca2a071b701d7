package app.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.Conflicts;

/**
 * E-mails notifications: stored before sent, retried with exponential backoff, never dropped silently.
 *
 * <p>A notification is stored with its e-mail {@code PENDING} (or {@code SKIPPED}, with the reason, when no address is
 * known). After the store commits, the first attempt runs at once. An attempt first <em>claims</em> the e-mail with a
 * versioned write (attempts + 1, and no other sender may take it before {@code attempt-timeout} has passed), then
 * sends, then records the outcome: {@code SENT}; or a retry due after a wait that doubles with each failure; or
 * {@code FAILED} after the last attempt (or at once when the message cannot be built). A sweeper finds due retries,
 * and e-mails whose sender stopped mid-attempt, through the sparse {@code email} index, never a scan. Two instances
 * never send the same attempt: only one claim of it can win.
 */
@Service
class EmailDelivery {

    static final String NO_ADDRESS = "no e-mail address is known for the user";
    static final String TURNED_OFF = "e-mail notifications are turned off";
    static final String NO_MAIL_SERVER = "no mail server is configured (spring.mail.host)";
    private static final int CONFLICT_RETRIES = 5;
    private static final int MAX_ERROR_LENGTH = 500;
    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final Notifications notifications;
    private final Recipients recipients;
    private final Mailer mailer;
    private final NotificationSettings.Email settings;
    private final OnboardingReports onboarding;
    private final TransactionOperations transactions;
    private final Clock clock;

    EmailDelivery(Notifications notifications, Recipients recipients, Mailer mailer, NotificationSettings settings,
            OnboardingReports onboarding, TransactionOperations transactions, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.mailer = mailer;
        this.settings = settings.email();
        this.onboarding = onboarding;
        this.transactions = transactions;
        this.clock = clock;
        if (this.settings.enabled() && !mailer.isAvailable()) {
            log.warn("E-mail notifications are on but {}; they are stored as SKIPPED", NO_MAIL_SERVER);
        }
    }

    /**
     * Gives a new notification its e-mail state, to be stored with it: {@code PENDING}, first attempt reserved for
     * the instance that stores it, or {@code SKIPPED} with the reason.
     */
    void prepare(Notification notification) {
        turnedOff().ifPresentOrElse(
                reason -> notification.emailState(EmailStatus.SKIPPED, null, reason),
                () -> notification.emailState(EmailStatus.PENDING, clock.instant().plus(settings.attemptTimeout()),
                        null));
    }

    /**
     * The first attempt, right after the notification was stored. Never throws: whatever goes wrong leaves the e-mail
     * pending for the sweeper.
     */
    void sendFirst(Notification stored) {
        try {
            attempt(stored.getOwner(), stored.getId(), true);
        }
        catch (RuntimeException e) {
            log.warn("E-mail of notification {} left pending ({}); the retry sweep takes it up", stored.getId(),
                    e.toString());
        }
    }

    /**
     * Attempts every e-mail whose retry is due (at most {@code sweep-batch} per index partition).
     *
     * @return how many attempts were made
     */
    int retryDue() {
        Instant now = clock.instant();
        int attempted = 0;
        for (String shard : Notification.emailShards()) {
            for (Notification due : notifications.emailsDue(shard, now, settings.sweepBatch())) {
                try {
                    attempted += attempt(due.getOwner(), due.getId(), false) ? 1 : 0;
                }
                catch (RuntimeException e) {
                    log.warn("Retry of the e-mail of notification {} failed ({}); next sweep", due.getId(),
                            e.toString());
                }
            }
        }
        return attempted;
    }

    /** Sweeps at start-up and then every {@code app.notification.email.sweep-interval}. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${app.notification.email.sweep-interval:15s}")
    void retryDueRegularly() {
        try {
            retryDue();
        }
        catch (RuntimeException e) {
            log.warn("E-mail retry sweep failed; retrying at the next interval: {}", e.toString());
        }
    }

    private boolean attempt(String owner, String id, boolean first) {
        Optional<Attempt> claimed = Conflicts.retryOnConflict(CONFLICT_RETRIES, () -> claim(owner, id, first));
        if (claimed.isEmpty()) {
            return false;
        }
        Attempt attempt = claimed.get();
        try {
            mailer.send(attempt.notification(), attempt.recipient());
            Conflicts.retryOnConflict(CONFLICT_RETRIES, () -> record(owner, id, attempt.number(), null, false));
        }
        catch (MailException e) {
            boolean permanent = e instanceof MailPreparationException;
            log.warn("E-mail of notification {} failed on attempt {} of {}: {}", id, attempt.number(),
                    settings.maxAttempts(), e.toString());
            Conflicts.retryOnConflict(CONFLICT_RETRIES, () -> record(owner, id, attempt.number(), e, permanent));
        }
        return true;
    }

    /** A claimed attempt: the notification as claimed, where it goes, and which attempt this is. */
    private record Attempt(Notification notification, Recipient recipient, int number) {
    }

    /**
     * Takes the e-mail for one attempt, if it is pending and due (the first attempt: not attempted yet), with one
     * versioned write; an e-mail out of attempts becomes {@code FAILED} instead.
     */
    private Optional<Attempt> claim(String owner, String id, boolean first) {
        Optional<Notification> found = notifications.find(Notification.key(owner, id))
                .filter(Notification::isEmailPending);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Notification notification = found.get();
        Instant now = clock.instant();
        boolean takeable = first ? notification.getEmailAttempts() == 0 : !notification.emailDueAt().isAfter(now);
        if (!takeable) {
            return Optional.empty();
        }
        if (notification.getEmailAttempts() >= settings.maxAttempts()) {
            // The last attempt's sender stopped before it recorded an outcome.
            return finish(notification, EmailStatus.FAILED, "no outcome recorded for the last of "
                    + settings.maxAttempts() + " attempts");
        }
        Optional<String> off = turnedOff();
        if (off.isPresent()) {
            return finish(notification, EmailStatus.SKIPPED, off.get());
        }
        Optional<Recipient> recipient = addressOf(owner);
        if (recipient.isEmpty()) {
            // The user's address arrives by event and may not be here yet (a sign-up a moment ago): an attempt, so
            // an address that never comes ends the retries.
            notification.emailAttemptStarted(now);
            if (notification.getEmailAttempts() >= settings.maxAttempts()) {
                return finish(notification, EmailStatus.SKIPPED, NO_ADDRESS);
            }
            notification.emailState(EmailStatus.PENDING, now.plus(settings.retryAfter(notification.getEmailAttempts())),
                    NO_ADDRESS + " yet");
            notifications.save(notification);
            return Optional.empty();
        }
        notification.emailAttemptStarted(now.plus(settings.attemptTimeout()));
        notifications.save(notification);
        return Optional.of(new Attempt(notification, recipient.get(), notification.getEmailAttempts()));
    }

    private Optional<Attempt> finish(Notification notification, EmailStatus status, String reason) {
        notification.emailState(status, null, reason);
        saveOutcome(notification);
        log.warn("E-mail of notification {} {}: {}", notification.getId(), status, reason);
        return Optional.empty();
    }

    /** Records an attempt's outcome, unless another sender has taken the e-mail over since. */
    private Void record(String owner, String id, int attemptNumber, MailException error, boolean permanent) {
        Optional<Notification> found = notifications.find(Notification.key(owner, id))
                .filter(Notification::isEmailPending)
                .filter(notification -> notification.getEmailAttempts() == attemptNumber);
        if (found.isEmpty()) {
            return null;
        }
        Notification notification = found.get();
        Instant now = clock.instant();
        if (error == null) {
            notification.emailSent(now);
        }
        else if (permanent || attemptNumber >= settings.maxAttempts()) {
            notification.emailState(EmailStatus.FAILED, null, describe(error));
        }
        else {
            notification.emailState(EmailStatus.PENDING, now.plus(settings.retryAfter(attemptNumber)),
                    describe(error));
        }
        saveOutcome(notification);
        return null;
    }

    /** Stores an attempt's outcome, with the onboarding's report of a welcome e-mail's, in one transaction. */
    private void saveOutcome(Notification notification) {
        transactions.executeWithoutResult(status -> {
            notifications.save(notification);
            onboarding.emailFinished(notification);
        });
    }

    private Optional<String> turnedOff() {
        if (!settings.enabled()) {
            return Optional.of(TURNED_OFF);
        }
        return mailer.isAvailable() ? Optional.empty() : Optional.of(NO_MAIL_SERVER);
    }

    private Optional<Recipient> addressOf(String owner) {
        return recipients.of(owner).filter(Recipient::hasAddress);
    }

    private static String describe(MailException error) {
        String text = error.getMostSpecificCause().toString();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
