package app.platform.push;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LiveMessages} through one Redis channel: every instance, the sender included, hands each message to its own
 * broker, which delivers it to the sessions it holds. Without Redis (unavailable at start, or not answering) a message
 * reaches this instance's sessions only, and the first such message of an outage is logged.
 */
class RedisLiveMessages implements LiveMessages, MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveMessages.class);
    private static final Pattern QUEUE = Pattern.compile("/queue/[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern TOPIC = Pattern.compile("/topic/[A-Za-z0-9._/-]{1,200}");

    /** A message on the channel: to the user's queue, or to the topic when {@code user} is {@code null}. */
    record Envelope(@Nullable String user, String destination, JsonNode payload) {
    }

    private final StringRedisTemplate redis;
    private final String channel;
    private final JsonMapper json;
    private final ObjectProvider<SimpMessagingTemplate> brokers;
    private final boolean redisAvailable;
    private final AtomicBoolean outageLogged = new AtomicBoolean();

    RedisLiveMessages(StringRedisTemplate redis, String channel, JsonMapper json,
            ObjectProvider<SimpMessagingTemplate> brokers, boolean redisAvailable) {
        this.redis = redis;
        this.channel = channel;
        this.json = json;
        this.brokers = brokers;
        this.redisAvailable = redisAvailable;
    }

    @Override
    public void toUser(String userId, String queue, Object payload) {
        if (userId == null || userId.isBlank() || !QUEUE.matcher(queue).matches()) {
            throw new IllegalArgumentException("Not a user and queue: " + userId + " " + queue);
        }
        send(new Envelope(userId, queue, json.valueToTree(payload)));
    }

    @Override
    public void toTopic(String destination, Object payload) {
        if (!TOPIC.matcher(destination).matches() || destination.contains("..")) {
            throw new IllegalArgumentException("Not a topic: " + destination);
        }
        send(new Envelope(null, destination, json.valueToTree(payload)));
    }

    /** A message from the channel, published by any instance. */
    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
        try {
            deliver(json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), Envelope.class));
        }
        catch (RuntimeException unreadable) {
            log.warn("Live message not delivered: {}", unreadable.toString());
        }
    }

    private void send(Envelope envelope) {
        if (!redisAvailable) {
            logOutage("Redis is not available");
            deliver(envelope);
            return;
        }
        try {
            redis.convertAndSend(channel, json.writeValueAsString(envelope));
            outageLogged.set(false);
        }
        catch (DataAccessException unavailable) {
            logOutage(unavailable.toString());
            deliver(envelope);
        }
    }

    private void deliver(Envelope envelope) {
        SimpMessagingTemplate broker = brokers.getIfAvailable();
        if (broker == null) {
            return;
        }
        if (envelope.user() != null) {
            broker.convertAndSendToUser(envelope.user(), envelope.destination(), envelope.payload());
        }
        else {
            broker.convertAndSend(envelope.destination(), envelope.payload());
        }
    }

    private void logOutage(String reason) {
        if (outageLogged.compareAndSet(false, true)) {
            log.warn("Live messages reach this instance's STOMP sessions only until Redis answers: {}", reason);
        }
    }
}
