package app.integrations;

/**
 * The outcome of one attempt to publish a post.
 *
 * @param published whether the target took the post
 * @param error what went wrong, or {@code null} when published
 * @param permanent whether another attempt cannot help (e.g. the target was removed)
 */
record PublishResult(boolean published, String error, boolean permanent) {

    static PublishResult ok() {
        return new PublishResult(true, null, false);
    }

    static PublishResult failed(String error) {
        return new PublishResult(false, error, false);
    }

    static PublishResult gaveUp(String error) {
        return new PublishResult(false, error, true);
    }
}
