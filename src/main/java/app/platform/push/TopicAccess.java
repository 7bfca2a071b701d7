package app.platform.push;

/**
 * Who may subscribe to a topic destination; modules contribute beans for their own topics. A STOMP {@code SUBSCRIBE}
 * to {@code /topic/**} is refused unless a bean {@link #handles handles} the destination and
 * {@link #maySubscribe allows} the user.
 */
public interface TopicAccess {

    /** Whether this bean decides about the destination, e.g. {@code /topic/library/items/{id}}. */
    boolean handles(String destination);

    /** Whether the user may receive the destination's messages; called for destinations this bean handles. */
    boolean maySubscribe(String userId, String destination);
}
