package app.platform.push;

/**
 * A STOMP session of the user stopped receiving a topic: it unsubscribed, disconnected or lost its connection.
 * Published in process only, on the instance that held the session, once per {@link TopicJoined}.
 */
public record TopicLeft(String userId, String destination, String sessionId) {
}
