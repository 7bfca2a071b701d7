package app.integrations;

/** An adapter that publishes a post to one target platform. */
interface PostPublisher {

    /** Whether this adapter publishes to the target, as {@link PublishingTargets} names it. */
    boolean publishesTo(String target);

    /**
     * Publishes the post once. Never throws for a failure of the target: the result says what happened, and the
     * dispatcher decides whether to retry.
     */
    PublishResult publish(ScheduledPost post);
}
