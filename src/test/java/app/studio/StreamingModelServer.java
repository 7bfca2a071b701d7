package app.studio;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test double of a model provider: an HTTP server on the loopback interface that speaks the real streaming wire
 * formats, OpenAI's Chat Completions ({@code data: {"choices":[{"delta":{"content":...}}]}} ... {@code data: [DONE]})
 * and Anthropic's Messages ({@code event: message_start}, {@code content_block_delta} with {@code text_delta}, ...,
 * {@code message_stop}). Each request takes the next scripted reply: a streamed answer, an error status, or a stream
 * that stalls after its first chunk. Every request is recorded.
 */
final class StreamingModelServer implements AutoCloseable {

    /** The provider whose wire format the server speaks. */
    enum Wire {
        OPENAI("/v1/chat/completions"), ANTHROPIC("/v1/messages");

        final String path;

        Wire(String path) {
            this.path = path;
        }
    }

    /** A request as received. */
    record Request(String method, String path, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private interface Reply {
        void send(HttpExchange exchange, Request request) throws IOException;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHARACTERS_PER_CHUNK = 4;

    private final Wire wire;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private StreamingModelServer(Wire wire) throws IOException {
        this.wire = wire;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static StreamingModelServer start(Wire wire) {
        try {
            return new StreamingModelServer(wire);
        }
        catch (IOException e) {
            throw new IllegalStateException("The model server did not start", e);
        }
    }

    Wire wire() {
        return wire;
    }

    /** The address to configure as {@code app.studio.ai.base-url}, in each provider's convention. */
    String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return wire == Wire.OPENAI ? root + "/v1" : root;
    }

    /** The next request is answered with this text, streamed in small chunks. */
    StreamingModelServer answers(String text) {
        replies.add((exchange, request) -> stream(exchange, request, chunks(text), false));
        return this;
    }

    /** The next request is answered with this status and the provider's error body. */
    StreamingModelServer failsWith(int status) {
        replies.add((exchange, request) -> {
            byte[] body = errorBody(status).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    /** The next request gets the stream's opening and this first chunk, then nothing until the server closes. */
    StreamingModelServer stallsAfter(String firstChunk) {
        replies.add((exchange, request) -> stream(exchange, request, List.of(firstChunk), true));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Reply reply = replies.poll();
        try {
            if (!request.path().equals(wire.path) || reply == null) {
                byte[] body = ("no reply scripted for " + request.method() + " " + request.path())
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            }
            else {
                reply.send(exchange, request);
            }
        }
        catch (IOException clientWentAway) {
            // The client gave up (a time-out, for one): nothing more to send.
        }
        finally {
            exchange.close();
        }
    }

    private void stream(HttpExchange exchange, Request request, List<String> chunks, boolean stall)
            throws IOException {
        String model = request.json().path("model").asString("unknown");
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> events = wire == Wire.OPENAI ? openAiEvents(model, chunks, stall)
                : anthropicEvents(model, chunks, stall);
        for (String event : events) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (stall) {
            try {
                closing.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.close();
    }

    private static List<String> openAiEvents(String model, List<String> chunks, boolean stall) {
        List<String> events = new ArrayList<>();
        events.add(openAiChunk(model, Map.of("role", "assistant", "content", ""), null));
        chunks.forEach(chunk -> events.add(openAiChunk(model, Map.of("content", chunk), null)));
        if (!stall) {
            events.add(openAiChunk(model, Map.of(), "stop"));
            events.add(data(Map.of("id", "chatcmpl-test", "object", "chat.completion.chunk", "created", 1767225600,
                    "model", model, "choices", List.of(),
                    "usage", Map.of("prompt_tokens", 120, "completion_tokens", chunks.size(), "total_tokens",
                            120 + chunks.size()))));
            events.add("data: [DONE]\n\n");
        }
        return events;
    }

    private static String openAiChunk(String model, Map<String, String> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return data(Map.of("id", "chatcmpl-test", "object", "chat.completion.chunk", "created", 1767225600, "model",
                model, "choices", List.of(choice)));
    }

    private static List<String> anthropicEvents(String model, List<String> chunks, boolean stall) {
        List<String> events = new ArrayList<>();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", "msg_test");
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        message.put("content", List.of());
        message.put("stop_reason", null);
        message.put("stop_sequence", null);
        message.put("usage", Map.of("input_tokens", 120, "output_tokens", 1));
        events.add(event("message_start", Map.of("type", "message_start", "message", message)));
        events.add(event("content_block_start", Map.of("type", "content_block_start", "index", 0, "content_block",
                Map.of("type", "text", "text", ""))));
        events.add(event("ping", Map.of("type", "ping")));
        chunks.forEach(chunk -> events.add(event("content_block_delta", Map.of("type", "content_block_delta",
                "index", 0, "delta", Map.of("type", "text_delta", "text", chunk)))));
        if (!stall) {
            events.add(event("content_block_stop", Map.of("type", "content_block_stop", "index", 0)));
            Map<String, Object> delta = new LinkedHashMap<>();
            delta.put("stop_reason", "end_turn");
            delta.put("stop_sequence", null);
            events.add(event("message_delta", Map.of("type", "message_delta", "delta", delta, "usage",
                    Map.of("output_tokens", chunks.size()))));
            events.add(event("message_stop", Map.of("type", "message_stop")));
        }
        return events;
    }

    private String errorBody(int status) {
        String message = switch (status) {
            case 401 -> "invalid API key";
            case 429 -> "rate limit reached";
            case 503 -> "the model is overloaded";
            default -> "request failed";
        };
        if (wire == Wire.OPENAI) {
            return JSON.writeValueAsString(Map.of("error", Map.of("message", message, "type",
                    status == 401 ? "invalid_request_error" : "server_error")));
        }
        return JSON.writeValueAsString(Map.of("type", "error", "error", Map.of("type",
                status == 401 ? "authentication_error" : status == 503 ? "overloaded_error" : "api_error",
                "message", message)));
    }

    private static String data(Object payload) {
        return "data: " + JSON.writeValueAsString(payload) + "\n\n";
    }

    private static String event(String name, Object payload) {
        return "event: " + name + "\n" + data(payload);
    }

    /** About one token per chunk, as providers stream. */
    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        for (int start = 0; start < text.length(); start += CHARACTERS_PER_CHUNK) {
            chunks.add(text.substring(start, Math.min(text.length(), start + CHARACTERS_PER_CHUNK)));
        }
        return chunks;
    }
}
