package app.platform.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Follows the subscriptions of this instance's sessions once the broker has registered them: answers a
 * {@code SUBSCRIBE} that asked for a {@code receipt} with a {@code RECEIPT} frame (so a client knows when messages
 * will reach it), and publishes {@link TopicJoined} and {@link TopicLeft} for topic subscriptions.
 */
class StompSubscriptions implements ExecutorChannelInterceptor {

    private record Subscription(String userId, String destination) {
    }

    private final MessageChannel toClients;
    private final ApplicationEventPublisher events;
    /** Session id → subscription id → topic subscription. */
    private final Map<String, Map<String, Subscription>> topics = new ConcurrentHashMap<>();

    StompSubscriptions(MessageChannel toClients, ApplicationEventPublisher events) {
        this.toClients = toClients;
        this.events = events;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
            Exception failure) {
        StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (failure != null || frame == null || frame.getSessionId() == null) {
            return;
        }
        if (frame.getCommand() == StompCommand.UNSUBSCRIBE) {
            left(frame.getSessionId(), frame.getSubscriptionId());
            return;
        }
        if (frame.getCommand() != StompCommand.SUBSCRIBE || frame.getDestination() == null) {
            return;
        }
        // Every handler of the inbound channel sees the frame; the one that registers the subscription reports it.
        boolean userDestination = frame.getDestination().startsWith("/user/");
        if (userDestination ? handler instanceof UserDestinationMessageHandler
                : handler instanceof AbstractBrokerMessageHandler) {
            subscribed(frame, userDestination);
        }
    }

    @EventListener
    void on(SessionDisconnectEvent disconnected) {
        Map<String, Subscription> ended = topics.remove(disconnected.getSessionId());
        if (ended != null) {
            ended.values().forEach(subscription -> events.publishEvent(new TopicLeft(subscription.userId(),
                    subscription.destination(), disconnected.getSessionId())));
        }
    }

    private void subscribed(StompHeaderAccessor frame, boolean userDestination) {
        String sessionId = frame.getSessionId();
        if (!userDestination && frame.getUser() != null && frame.getSubscriptionId() != null) {
            Subscription subscription = new Subscription(frame.getUser().getName(), frame.getDestination());
            topics.computeIfAbsent(sessionId, ignored -> new ConcurrentHashMap<>())
                    .put(frame.getSubscriptionId(), subscription);
            events.publishEvent(new TopicJoined(subscription.userId(), subscription.destination(), sessionId));
        }
        if (frame.getReceipt() != null) {
            StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
            receipt.setReceiptId(frame.getReceipt());
            receipt.setSessionId(sessionId);
            toClients.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
        }
    }

    private void left(String sessionId, String subscriptionId) {
        Map<String, Subscription> ofSession = topics.get(sessionId);
        Subscription ended = ofSession == null || subscriptionId == null ? null : ofSession.remove(subscriptionId);
        if (ended != null) {
            events.publishEvent(new TopicLeft(ended.userId(), ended.destination(), sessionId));
        }
    }
}
