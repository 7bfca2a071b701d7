package bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load client of the live push channels, not a test; the application runs in another process
 * ({@link PushBenchmarkServer}, started by {@code bench/push.sh}), so the heap it reports is the server's alone. For
 * each channel it measures:
 * <ol>
 * <li>connections: the server's heap (after a full collection) with {@code connections} subscriptions open against
 * none;</li>
 * <li>fan-out: with {@code subscribers} subscriptions open, the application sends timestamped messages at a steady
 * rate of {@code deliveries} per second in all for {@code seconds}; the client reports deliveries per second
 * received and the latency from the send to the arrival (p50, p99, max), and any message lost.</li>
 * </ol>
 */
public final class PushBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int USERS = 10;

    private PushBenchmark() {
    }

    /** Arguments: base URL, then channel=connections pairs (sse=10000 stomp=5000), subscribers, deliveries/s, seconds. */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int subscribers = Integer.parseInt(args[2]);
        int deliveriesPerSecond = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(TestUsers.signUpAndLogIn(base));
        }
        for (String channel : args[1].split(",")) {
            String[] kindAndCount = channel.split("=");
            Function<String, PushSubscribers> subscribersOf = channels().get(kindAndCount[0]);
            if (subscribersOf == null) {
                throw new IllegalArgumentException("No such channel: " + kindAndCount[0]);
            }
            connections(base, users, subscribersOf, Integer.parseInt(kindAndCount[1]));
            fanOut(base, users, subscribersOf, subscribers, deliveriesPerSecond, seconds);
        }
    }

    private static java.util.Map<String, Function<String, PushSubscribers>> channels() {
        return java.util.Map.of("sse", SseSubscribers::new, "stomp", StompSubscribers::new);
    }

    private static void connections(String base, List<TestUser> users, Function<String, PushSubscribers> kind,
            int count) throws Exception {
        JsonNode before = heap(base);
        long start = System.nanoTime();
        try (PushSubscribers subscribers = kind.apply(base)) {
            subscribers.open(users, count, new Deliveries(0));
            double openSeconds = (System.nanoTime() - start) / 1e9;
            JsonNode after = heap(base);
            long added = after.path("usedBytes").asLong() - before.path("usedBytes").asLong();
            System.out.printf("%s connections: %d open in %.1f s; server heap after GC %d MB (max %d MB), %d MB "
                    + "with none open: %.1f KB per connection%n", subscribers.kind(), count, openSeconds,
                    after.path("usedBytes").asLong() >> 20, after.path("maxBytes").asLong() >> 20,
                    before.path("usedBytes").asLong() >> 20, added / 1024.0 / count);
        }
        awaitClosed(base);
    }

    private static void fanOut(String base, List<TestUser> users, Function<String, PushSubscribers> kind,
            int count, int deliveriesPerSecond, int seconds) throws Exception {
        double rounds = (double) deliveriesPerSecond / count;
        int messages = (int) Math.round(rounds * seconds);
        long expected = (long) messages * count;
        Deliveries deliveries = new Deliveries((int) expected);
        try (PushSubscribers subscribers = kind.apply(base)) {
            subscribers.open(users, count, deliveries);
            String userIds = users.stream().map(TestUser::id).collect(Collectors.joining(","));
            long start = System.nanoTime();
            post(base + "/bench/push/" + subscribers.kind() + "?users=" + userIds + "&messages=" + messages
                    + "&rate=" + rounds);
            waitUpTo(Duration.ofSeconds(30), Duration.ofMillis(50), () -> deliveries.count() >= expected);
            double elapsed = (deliveries.lastArrivalNanos() - start) / 1e9;
            List<Long> latencies = deliveries.sortedLatencies();
            System.out.printf("%s fan-out: %d subscribers, %d deliveries asked at %d/s: %d received (%d lost) at "
                    + "%.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", subscribers.kind(), count,
                    expected, deliveriesPerSecond, deliveries.count(), expected - deliveries.count(),
                    deliveries.count() / elapsed, Percentiles.millis(latencies, 0.5),
                    Percentiles.millis(latencies, 0.99), Percentiles.millis(latencies, 1.0));
        }
        awaitClosed(base);
    }

    /** Closed connections leave the server's registry at their next heartbeat; the next phase starts from none. */
    private static void awaitClosed(String base) throws Exception {
        waitUpTo(Duration.ofMinutes(2), Duration.ofSeconds(1), () -> open(heap(base)) == 0);
    }

    /** Waits, bounded, until the condition holds; what did not arrive in time shows in the figures, not as a throw. */
    private static void waitUpTo(Duration limit, Duration poll, Callable<Boolean> condition) {
        try {
            await().atMost(limit).pollInterval(poll).until(condition);
        }
        catch (ConditionTimeoutException stillNot) {
            // reported by the caller (lost deliveries, connections still open)
        }
    }

    private static int open(JsonNode heap) {
        return heap.path("openStreams").asInt() + heap.path("openSessions").asInt();
    }

    private static JsonNode heap(String base) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/bench/heap")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void post(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
