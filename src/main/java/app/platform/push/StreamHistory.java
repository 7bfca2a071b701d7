package app.platform.push;

import java.util.List;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Each user's recent events in a Redis stream ({@code push:history:<user>}), bounded to
 * {@code app.push.history-size} entries and kept for {@code app.push.history-retention} after the newest. Appending
 * also announces the event on the channel every instance listens to, in the same script, so what is announced is
 * always in the history first.
 */
class StreamHistory {

    /** KEYS[1] = history; ARGV = size, retention s, channel, user, event, data. Answers the entry id. */
    private static final RedisScript<String> APPEND = RedisScript.of("""
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'event', ARGV[5], 'data', ARGV[6])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            redis.call('PUBLISH', ARGV[3], ARGV[4] .. '\\n' .. id .. '\\n' .. ARGV[5] .. '\\n' .. ARGV[6])
            return id
            """, String.class);

    /**
     * KEYS[1] = history; ARGV = the last id the client saw, most entries. Answers {'known', entries after it} when
     * that id is still in the history ('0-0' counts as known while the history is empty), otherwise
     * {'reset', the newest entry or nothing}.
     */
    private static final RedisScript<List> RESUME = RedisScript.of("""
            local from = ARGV[1]
            local found = redis.call('XRANGE', KEYS[1], from, from, 'COUNT', 1)
            if #found == 1 or (from == '0-0' and redis.call('XLEN', KEYS[1]) == 0) then
              return {'known', redis.call('XRANGE', KEYS[1], '(' .. from, '+', 'COUNT', ARGV[2])}
            end
            return {'reset', redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)}
            """, List.class);

    private final StringRedisTemplate redis;
    private final PushSettings settings;

    StreamHistory(StringRedisTemplate redis, PushSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** Appends an event to the user's history and announces it to every instance; answers its id. */
    StreamId append(String user, String event, String data) {
        String id = redis.execute(APPEND, List.of(settings.historyKey(user)), Integer.toString(settings.historySize()),
                Long.toString(Math.max(1, settings.historyRetention().toSeconds())), settings.channel(), user, event,
                data);
        return StreamId.parse(id).orElseThrow();
    }

    /** Fails when Redis does not answer: a stream opened then would receive nothing. */
    void ping() {
        redis.execute((RedisCallback<String>) connection -> connection.ping());
    }

    /** What follows {@code lastSeen} in the user's history, or a reset when it is no longer (or never was) there. */
    Resumption resume(String user, StreamId lastSeen) {
        List<?> answer = redis.execute(RESUME, List.of(settings.historyKey(user)), lastSeen.toString(),
                Integer.toString(settings.historySize()));
        List<StreamEvent> entries = ((List<?>) answer.get(1)).stream().map(entry -> entry(user, (List<?>) entry))
                .toList();
        return new Resumption("reset".equals(answer.get(0)), entries);
    }

    /**
     * @param reset whether the client missed events the history no longer holds
     * @param events the events after the client's last one, oldest first; after a reset, the newest event if any
     */
    record Resumption(boolean reset, List<StreamEvent> events) {
    }

    private static StreamEvent entry(String user, List<?> entry) {
        List<?> fields = (List<?>) entry.get(1);
        String event = null;
        String data = null;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            switch (String.valueOf(fields.get(i))) {
                case "event" -> event = String.valueOf(fields.get(i + 1));
                case "data" -> data = String.valueOf(fields.get(i + 1));
                default -> {
                }
            }
        }
        return new StreamEvent(user, StreamId.parse(String.valueOf(entry.get(0))).orElseThrow(), event, data);
    }
}
