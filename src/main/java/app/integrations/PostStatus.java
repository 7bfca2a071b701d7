package app.integrations;

/** Where a scheduled post is on its way out. */
enum PostStatus {
    /** Waiting for its time, or for its next attempt. */
    SCHEDULED,
    /** An attempt is under way. */
    PUBLISHING,
    PUBLISHED,
    /** Given up after the last attempt. */
    FAILED,
    /** Withdrawn by the user before it went out. */
    CANCELLED
}
