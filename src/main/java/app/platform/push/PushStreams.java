package app.platform.push;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent event streams per user, shared by every instance through Redis. {@link #publish} appends an event to
 * the user's bounded history and announces it on one channel; each instance sends the announcements to the streams
 * it holds for that user. {@link #open} starts a stream, resuming after a {@code Last-Event-ID} from the history, or
 * with a {@code reset} event when the history no longer holds that id. Streams have no timeout; a comment line every
 * {@code app.push.heartbeat} keeps idle connections open through proxies and finds clients that left.
 */
public class PushStreams implements MessageListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushStreams.class);
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final StreamHistory history;
    private final PushSettings settings;
    private final JsonMapper json;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService heartbeats;
    /** One thread, so each stream gets the announcements in the order Redis published them (their ids' order). */
    private volatile ExecutorService dispatch;

    PushStreams(StreamHistory history, PushSettings settings, JsonMapper json) {
        this.history = history;
        this.settings = settings;
        this.json = json;
    }

    /**
     * Sends an event to every open stream of the user, on any instance, and keeps it for resumption. Best effort:
     * when Redis does not answer the event is dropped with a warning (streams carry news of state kept elsewhere).
     *
     * @param event the event's name, e.g. {@code library.content.saved} (letters, digits, {@code . _ -})
     * @param data the event's data, written as JSON
     */
    public void publish(String user, String event, Object data) {
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new IllegalArgumentException("Not an event name: " + event);
        }
        try {
            history.append(user, event, json.writeValueAsString(data));
        }
        catch (DataAccessException unavailable) {
            log.warn("Event {} not pushed: Redis did not answer ({})", event, unavailable.toString());
        }
    }

    /**
     * Opens a stream of the user's events from now on, after those following {@code lastEventId} if given.
     *
     * @throws PushUnavailable when Redis does not answer
     */
    public SseEmitter open(String user, String lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber registered = register(new Subscriber(user, emitter, broken -> remove(user, broken)));
        emitter.onCompletion(() -> remove(user, registered));
        emitter.onTimeout(() -> remove(user, registered));
        emitter.onError(failure -> remove(user, registered));
        try {
            if (lastEventId == null) {
                history.ping();
                registered.goLive(null, List.of());
                return emitter;
            }
            StreamId lastSeen = StreamId.parse(lastEventId).orElse(null);
            StreamHistory.Resumption resumption = history.resume(user, lastSeen == null ? StreamId.ZERO : lastSeen);
            if (lastSeen != null && !resumption.reset()) {
                registered.goLive(null, resumption.events());
            }
            else {
                StreamId newest = resumption.events().isEmpty() ? StreamId.ZERO
                        : resumption.events().getLast().id();
                registered.goLive(newest, List.of());
            }
            return emitter;
        }
        catch (DataAccessException unavailable) {
            remove(user, registered);
            throw new PushUnavailable();
        }
    }

    /** The number of streams open on this instance. */
    public int openStreams() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * An announcement from the shared channel (called in order on the Redis client's thread): the event goes to this
     * instance's streams of its user, on the dispatch thread.
     */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        ExecutorService running = dispatch;
        StreamEvent.announced(new String(message.getBody(), StandardCharsets.UTF_8))
                .filter(event -> running != null && subscribers.containsKey(event.user()))
                .ifPresent(event -> running.execute(() -> subscribers.getOrDefault(event.user(), Set.of())
                        .forEach(subscriber -> subscriber.deliver(event))));
    }

    private Subscriber register(Subscriber subscriber) {
        subscribers.computeIfAbsent(subscriber.user(), ignored -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return subscriber;
    }

    private void remove(String user, Subscriber subscriber) {
        subscribers.computeIfPresent(user, (ignored, open) -> {
            open.remove(subscriber);
            return open.isEmpty() ? null : open;
        });
    }

    private void pingAll() {
        subscribers.values().forEach(open -> open.forEach(Subscriber::ping));
    }

    @Override
    public void start() {
        long every = settings.heartbeat().toMillis();
        heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("push-heartbeat").daemon(true).factory());
        heartbeats.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
        dispatch = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("push-dispatch").daemon(true).factory());
    }

    /** Ends this instance's streams before the web server's graceful shutdown waits for open requests. */
    @Override
    public void stop() {
        heartbeats.shutdownNow();
        heartbeats = null;
        dispatch.shutdownNow();
        dispatch = null;
        subscribers.values().forEach(open -> open.forEach(Subscriber::complete));
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }
}
