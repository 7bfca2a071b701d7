package app.integrations;

/** An adapter that publishes a post to one target platform. */
interface PostPublisher {

    /** The target platform this adapter publishes to, as {@link PublishingTargets} names it. */
    String platform();

    /**
     * Publishes the post once. Never throws for a failure of the target: the result says what happened, and the
     * dispatcher decides whether to retry.
     */
    PublishResult publish(ScheduledPost post);
}
