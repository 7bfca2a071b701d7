package app.platform.push;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Decides every {@code SUBSCRIBE} and {@code SEND} of an authenticated session. A user may subscribe to their own
 * queues ({@code /user/queue/<name>}: Spring's user destinations deliver only the session user's messages there) and
 * to topics a {@link TopicAccess} allows them; anything else (another user's {@code /user/<id>/...}, the broker's
 * {@code /queue/...} directly, unknown prefixes) is refused. No application destinations are defined, so every
 * {@code SEND} is refused: clients change state through the HTTP API.
 */
class StompAuthorization implements ChannelInterceptor {

    private static final Pattern OWN_QUEUE = Pattern.compile("/user/queue/[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern TOPIC = Pattern.compile("/topic/[A-Za-z0-9._/-]{1,200}");

    private final List<TopicAccess> topics;
    private final Clock clock;

    StompAuthorization(List<TopicAccess> topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (frame == null) {
            return message;
        }
        StompCommand command = frame.getCommand();
        if (command == StompCommand.SUBSCRIBE) {
            StompUser user = authenticated(frame);
            String destination = frame.getDestination();
            if (destination == null || !maySubscribe(user.id(), destination)) {
                throw StompRefused.forbidden(destination == null ? "a subscription without destination"
                        : destination);
            }
        }
        else if (command == StompCommand.SEND) {
            authenticated(frame);
            throw new StompRefused("Forbidden: no destination accepts messages from clients; use the HTTP API.");
        }
        return message;
    }

    boolean maySubscribe(String userId, String destination) {
        if (destination.contains("..") || destination.contains("//")) {
            return false;
        }
        if (OWN_QUEUE.matcher(destination).matches()) {
            return true;
        }
        return TOPIC.matcher(destination).matches() && topics.stream()
                .filter(access -> access.handles(destination))
                .findFirst()
                .map(access -> access.maySubscribe(userId, destination))
                .orElse(false);
    }

    private StompUser authenticated(StompHeaderAccessor frame) {
        if (frame.getUser() instanceof StompUser user && !user.expiredAt(clock.instant())) {
            return user;
        }
        throw StompRefused.unauthorized();
    }
}
