package app.platform.eventbridge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test double of Amazon EventBridge's PutEvents, speaking its JSON 1.1 wire protocol on a local port: it checks the
 * operation header and EventBridge's limits (1 to 10 entries, 256 KB a request), answers per-entry results with
 * {@code FailedEntryCount}, and records every entry it received. Faults on demand: refuse chosen entries with
 * {@code InternalFailure} (partial failures), fail whole calls ({@code InternalException}, HTTP 500), throttle them
 * ({@code ThrottlingException}), or hold every call until released (a slow EventBridge). It serves calls in parallel
 * and counts how many are in flight. It is no EventBridge: no rules, no buses, no delivery.
 */
public final class PutEventsTestDouble implements AutoCloseable {

    /** One entry as received. */
    public record Entry(String source, String detailType, JsonNode detail, String busName, String traceHeader,
            boolean accepted) {
    }

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<List<Entry>> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> requestSizes = new CopyOnWriteArrayList<>();
    private volatile Predicate<JsonNode> refused = entry -> false;
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger failedCallsLeft = new AtomicInteger();
    private final AtomicInteger throttledCallsLeft = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private PutEventsTestDouble(HttpServer server) {
        this.server = server;
        server.setExecutor(handlers);
    }

    public static PutEventsTestDouble start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            PutEventsTestDouble endpoint = new PutEventsTestDouble(server);
            server.createContext("/", endpoint::handle);
            server.start();
            return endpoint;
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot start the PutEvents test double", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Refuses the matching entries (raw PutEvents entries) with {@code InternalFailure}, this many times in all. */
    public void refuse(Predicate<JsonNode> entries, int times) {
        refusalsLeft.set(times);
        refused = entries;
    }

    /** Fails the next calls as a whole with {@code InternalException} (HTTP 500): EventBridge refuses everything. */
    public void failCalls(int times) {
        failedCallsLeft.set(times);
    }

    /** Answers the next calls with {@code ThrottlingException} (HTTP 400), as EventBridge over its quota does. */
    public void throttle(int times) {
        throttledCallsLeft.set(times);
    }

    /** Holds every call from now on, before answering it, until {@link #release()}: a slow EventBridge. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers the held calls and the ones to come. */
    public void release() {
        gate.countDown();
    }

    /** The calls being served now (held ones included). */
    public int callsInFlight() {
        return inFlight.get();
    }

    /** The most calls served at the same time so far. */
    public int mostCallsInFlight() {
        return maxInFlight.get();
    }

    public List<List<Entry>> requests() {
        return List.copyOf(requests);
    }

    /** The size of each request's entries, as EventBridge counts it. */
    public List<Integer> requestSizes() {
        return List.copyOf(requestSizes);
    }

    public List<Entry> accepted() {
        return requests.stream().flatMap(List::stream).filter(Entry::accepted).toList();
    }

    public List<Entry> attempts(Predicate<Entry> which) {
        return requests.stream().flatMap(List::stream).filter(which).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            awaitGate();
            answer(exchange);
        }
        finally {
            inFlight.decrementAndGet();
        }
    }

    private void awaitGate() {
        try {
            gate.await(1, TimeUnit.MINUTES);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"AWSEvents.PutEvents".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
            respond(exchange, 400, Map.of("__type", "UnknownOperationException"));
            return;
        }
        if (failedCallsLeft.getAndDecrement() > 0) {
            respond(exchange, 500, Map.of("__type", "InternalException", "message", "Failed by the test double"));
            return;
        }
        if (throttledCallsLeft.getAndDecrement() > 0) {
            respond(exchange, 400, Map.of("__type", "ThrottlingException", "message", "Rate exceeded"));
            return;
        }
        JsonNode entries = json.readTree(body).path("Entries");
        int size = 0;
        for (JsonNode entry : entries) {
            size += 14 + bytes(entry.path("Source").asString()) + bytes(entry.path("DetailType").asString())
                    + bytes(entry.path("Detail").asString());
        }
        if (entries.size() < 1 || entries.size() > 10 || size > MAX_REQUEST_BYTES) {
            respond(exchange, 400, Map.of("__type", "ValidationException",
                    "message", "1 to 10 entries and at most 262144 bytes per request; got " + entries.size()
                            + " entries, " + size + " bytes"));
            return;
        }
        List<Entry> received = new ArrayList<>();
        List<Map<String, String>> results = new ArrayList<>();
        int failed = 0;
        for (JsonNode entry : entries) {
            boolean refuse = refused.test(entry) && refusalsLeft.getAndDecrement() > 0;
            received.add(new Entry(entry.path("Source").asString(), entry.path("DetailType").asString(),
                    json.readTree(entry.path("Detail").asString()), entry.path("EventBusName").asString(),
                    entry.path("TraceHeader").asString(null), !refuse));
            if (refuse) {
                failed++;
                results.add(Map.of("ErrorCode", "InternalFailure", "ErrorMessage", "Refused by the test double"));
            }
            else {
                results.add(Map.of("EventId", UUID.randomUUID().toString()));
            }
        }
        requests.add(received);
        requestSizes.add(size);
        respond(exchange, 200, Map.of("FailedEntryCount", failed, "Entries", results));
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
