package bench;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import app.platform.operations.TestUsers.TestUser;

/** Notification streams ({@code GET /api/v1/notifications/stream}) read line by line with the JDK's HTTP client. */
final class SseSubscribers implements PushSubscribers {

    /** Stream opens in flight at once, so the application's accept queue is not flooded. */
    private static final int OPENING_AT_ONCE = 200;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final ConcurrentLinkedQueue<Stream<String>> open = new ConcurrentLinkedQueue<>();

    SseSubscribers(String base) {
        this.base = base;
    }

    @Override
    public String kind() {
        return "sse";
    }

    @Override
    public void open(List<TestUser> users, int count, Deliveries deliveries) throws Exception {
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        CompletableFuture<?>[] opened = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            TestUser user = users.get(i % users.size());
            opening.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/notifications/stream"))
                    .header("Authorization", "Bearer " + user.accessToken())
                    .header("Accept", "text/event-stream").build();
            // ofLines answers once the headers are in (the application registered the stream); a virtual thread
            // per stream then reads its lines until the stream is closed.
            opened[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .whenComplete((response, failure) -> opening.release())
                    .thenAccept(response -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("stream refused: " + response.statusCode());
                        }
                        Stream<String> lines = response.body();
                        open.add(lines);
                        Thread.ofVirtual().start(() -> read(lines, deliveries));
                    });
        }
        CompletableFuture.allOf(opened).get(5, TimeUnit.MINUTES);
    }

    private static void read(Stream<String> lines, Deliveries deliveries) {
        try {
            lines.filter(line -> line.startsWith("data:")).forEach(deliveries::received);
        }
        catch (UncheckedIOException closed) {
            // the benchmark closed the stream
        }
    }

    @Override
    public void close() {
        Stream<String> lines;
        while ((lines = open.poll()) != null) {
            lines.close();
        }
        http.shutdownNow();
    }
}
