package app.platform.push;

/**
 * Sends live messages to STOMP subscribers, on every instance sharing Redis. Best effort: a message is news of state
 * kept elsewhere, so one lost while Redis does not answer is not retried (without Redis it reaches the subscribers of
 * this instance only). Payloads are written as JSON.
 */
public interface LiveMessages {

    /**
     * To one user's queue, e.g. {@code toUser(userId, "/queue/alerts", payload)} reaches {@code /user/queue/alerts}
     * in every session of that user.
     *
     * @param queue a destination starting with {@code /queue/}
     */
    void toUser(String userId, String queue, Object payload);

    /**
     * To a topic, e.g. {@code "/topic/library/items/{id}"}; only sessions that a {@link TopicAccess} let subscribe
     * receive it.
     *
     * @param destination a destination starting with {@code /topic/}
     */
    void toTopic(String destination, Object payload);
}
