package app.notification;

/** Where a notification's e-mail stands. */
enum EmailStatus {

    /** Stored, waiting for its first attempt or for a retry. */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Given up after the last attempt, or refused for a reason no retry can change; the inbox shows it. */
    FAILED,
    /** Not sent, with the reason: no address is known for the user, or e-mail is turned off. */
    SKIPPED
}
