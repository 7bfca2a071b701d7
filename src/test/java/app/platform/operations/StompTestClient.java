package app.platform.operations;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

/**
 * A STOMP 1.2 client over a real WebSocket (Spring's {@link WebSocketStompClient} on the standard WebSocket client),
 * as a browser library would use {@code /ws}. It records every {@code ERROR} frame and whether the server closed the
 * connection; subscriptions ask for a receipt, so a test knows whether the server accepted them before it acts.
 */
public final class StompTestClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ThreadPoolTaskScheduler heartbeats = scheduler();

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<StompHeaders> errorFrames = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile StompHeaders connected;
    private volatile Throwable handshakeFailure;
    private volatile StompSession session;

    private StompTestClient() {
    }

    /** Connects to {@code ws://localhost:<port>/ws} with a bearer token in the CONNECT frame ({@code null}: none). */
    public static StompTestClient connect(int port, String accessToken) {
        StompHeaders connect = new StompHeaders();
        if (accessToken != null) {
            connect.add("Authorization", "Bearer " + accessToken);
        }
        return connect("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect);
    }

    /**
     * Connects with the given handshake and CONNECT headers, and waits until the server answered (CONNECTED, or an
     * ERROR and the close), or the handshake failed.
     */
    public static StompTestClient connect(String url, WebSocketHttpHeaders handshake, StompHeaders connect) {
        StompTestClient client = new StompTestClient();
        StandardWebSocketClient webSocket = new StandardWebSocketClient();
        // Tomcat's client bounds connecting and the handshake by this (5 s by default); named, as for HTTP clients.
        webSocket.setUserProperties(Map.of("org.apache.tomcat.websocket.IO_TIMEOUT_MS",
                String.valueOf(HttpClientSupport.CONNECT_TIMEOUT.toMillis())));
        WebSocketStompClient stomp = new WebSocketStompClient(webSocket);
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        stomp.setTaskScheduler(heartbeats);
        CompletableFuture<StompSession> future = stomp.connectAsync(url, handshake, connect, client.new Handler());
        try {
            client.session = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // The future completes just before the session handler hears of the CONNECTED frame.
            Awaitility.await().atMost(WAIT).until(() -> client.connected != null || client.closed);
        }
        catch (ExecutionException failed) {
            client.handshakeFailure = failed.getCause();
            Awaitility.await().atMost(WAIT).until(() -> client.closed || client.handshakeFailure != null);
        }
        catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("No answer to CONNECT within " + WAIT, e);
        }
        return client;
    }

    public boolean connected() {
        return connected != null && !closed;
    }

    /** The CONNECTED frame's headers (negotiated heart-beats...). */
    public StompHeaders connectedHeaders() {
        return connected;
    }

    /** The {@code message} header of every ERROR frame received. */
    public List<String> errors() {
        return errors;
    }

    public List<StompHeaders> errorFrames() {
        return errorFrames;
    }

    public boolean closed() {
        return closed;
    }

    /** Why the connection could not be opened (e.g. the handshake answered 403), or {@code null}. */
    public Throwable handshakeFailure() {
        return handshakeFailure;
    }

    /**
     * Subscribes with a receipt and waits for the server's answer: a RECEIPT (accepted, messages flow from now on) or
     * an ERROR (refused; the server then closes the connection).
     */
    public Subscription subscribe(String destination) {
        if (session == null || closed) {
            throw new IllegalStateException("Not connected");
        }
        String receipt = UUID.randomUUID().toString();
        Subscription subscription = new Subscription(destination, receipt);
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt(receipt);
        StompSession.Subscription handle = session.subscribe(headers, subscription);
        handle.addReceiptTask(() -> subscription.accepted = true);
        subscription.handle = handle;
        Awaitility.await().atMost(WAIT).until(() -> subscription.accepted || refused(receipt) || closed);
        return subscription;
    }

    /** Sends a SEND frame with a JSON payload. */
    public void send(String destination, Object payload) {
        if (session == null || closed) {
            throw new IllegalStateException("Not connected");
        }
        session.send(destination, payload);
    }

    private boolean refused(String receipt) {
        return errorFrames.stream().anyMatch(frame -> receipt.equals(frame.getFirst("receipt-id")));
    }

    @Override
    public void close() {
        StompSession open = session;
        if (open != null && open.isConnected()) {
            open.disconnect();
        }
    }

    /** One subscription and the JSON messages it received, in order. */
    public final class Subscription implements StompFrameHandler {

        private final String destination;
        private final String receipt;
        private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        private volatile boolean accepted;
        private StompSession.Subscription handle;

        private Subscription(String destination, String receipt) {
            this.destination = destination;
            this.receipt = receipt;
        }

        /** Whether the server confirmed the subscription with a RECEIPT. */
        public boolean accepted() {
            return accepted;
        }

        /** Whether the server answered the subscription with an ERROR frame. */
        public boolean refused() {
            return StompTestClient.this.refused(receipt);
        }

        public String destination() {
            return destination;
        }

        public List<JsonNode> messages() {
            return messages;
        }

        /** Waits (bounded) for a message that satisfies the test and returns it. */
        public JsonNode await(java.util.function.Predicate<JsonNode> test) {
            return Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> messages.stream().filter(test).findFirst(), java.util.Optional::isPresent).get();
        }

        public void unsubscribe() {
            handle.unsubscribe();
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return JsonNode.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            messages.add((JsonNode) payload);
        }
    }

    private final class Handler extends StompSessionHandlerAdapter {

        @Override
        public void afterConnected(StompSession session, StompHeaders headers) {
            connected = headers;
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errorFrames.add(headers);
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
                Throwable exception) {
            errors.add("client: " + exception);
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            closed = true;
        }
    }

    private static ThreadPoolTaskScheduler scheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("stomp-test-heartbeat-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }
}
