package app.platform.push;

/**
 * A STOMP session of the user began receiving a topic (its {@code SUBSCRIBE} was allowed and registered). Published in
 * process only, on the instance holding the session; a user with several sessions joins once per session.
 */
public record TopicJoined(String userId, String destination, String sessionId) {
}
