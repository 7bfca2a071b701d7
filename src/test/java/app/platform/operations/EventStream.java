package app.platform.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server-sent event stream read the way a client reads it: one GET with {@code Accept: text/event-stream}, its lines
 * parsed into events and comments on a virtual thread as they arrive. Closing it closes the connection.
 */
public final class EventStream implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient client;
    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<String> rawLines = new ArrayList<>();
    private final Thread reader;

    /** An event as the client sees it: its {@code id}, {@code event} name and {@code data}. */
    public record Event(String id, String name, String data) {

        public JsonNode json() {
            return EventStream.json.readTree(data);
        }
    }

    private EventStream(HttpClient client, HttpResponse<Stream<String>> response) {
        this.client = client;
        this.response = response;
        this.reader = Thread.ofVirtual().name("event-stream-reader").start(this::read);
    }

    /**
     * Opens the stream at {@code url} with extra headers given as name, value, name, value... Connecting and the
     * response's headers are bounded ({@link HttpClientSupport}); the events are read as they come, and tests wait for
     * them with bounds of their own.
     */
    public static EventStream open(String url, String... headers) {
        HttpClient client = HttpClientSupport.newClient();
        HttpRequest.Builder request = HttpClientSupport.request(url).header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStream(client, HttpClientSupport.exchange(client, request.build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        catch (IOException e) {
            client.close();
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The events received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events received so far with the given name. */
    public List<Event> events(String name) {
        return events.stream().filter(event -> name.equals(event.name())).toList();
    }

    /** The comment lines received so far, without their leading colon. */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** The body of a response that is not a stream (a problem), once the server ended it. */
    public String body() throws InterruptedException {
        reader.join();
        return String.join("\n", rawLines);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                rawLines.add(line);
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data = null;
                }
                else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                }
                else {
                    String field = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
                    String value = line.contains(":") ? line.substring(line.indexOf(':') + 1) : "";
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        }
        catch (UncheckedIOException closed) {
            // The stream was closed.
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        client.close();
    }
}
