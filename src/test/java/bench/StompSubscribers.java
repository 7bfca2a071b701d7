package bench;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.messaging.Message;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import app.platform.operations.TestUsers.TestUser;

/**
 * STOMP sessions on {@code /ws} (Spring's STOMP client over the standard WebSocket client), each subscribed to
 * {@code /user/queue/notifications} with a receipt, so a session counts as open once the server confirmed it.
 */
final class StompSubscribers implements PushSubscribers {

    private static final int OPENING_AT_ONCE = 100;
    private static final String QUEUE = "/user/queue/notifications";

    private final String url;
    private final WebSocketStompClient client;
    private final ConcurrentLinkedQueue<StompSession> open = new ConcurrentLinkedQueue<>();

    StompSubscribers(String base) {
        url = base.replaceFirst("^http", "ws") + "/ws";
        client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JsonText());
        client.setDefaultHeartbeat(new long[] { 0, 0 });
        ThreadPoolTaskScheduler receipts = new ThreadPoolTaskScheduler();
        receipts.setPoolSize(1);
        receipts.setDaemon(true);
        receipts.initialize();
        client.setTaskScheduler(receipts); // receipts are tracked (with a time limit) on a scheduler
        client.setInboundMessageSizeLimit(64 * 1024);
    }

    @Override
    public String kind() {
        return "stomp";
    }

    @Override
    public void open(List<TestUser> users, int count, Deliveries deliveries) throws Exception {
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        CompletableFuture<?>[] subscribed = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            TestUser user = users.get(i % users.size());
            opening.acquire();
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + user.accessToken());
            CompletableFuture<Void> confirmed = new CompletableFuture<>();
            subscribed[i] = confirmed;
            confirmed.whenComplete((done, failure) -> opening.release());
            client.connectAsync(url, new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {
                @Override
                public void handleTransportError(StompSession session, Throwable failure) {
                    confirmed.completeExceptionally(failure);
                }
            }).whenComplete((session, failure) -> {
                if (failure != null) {
                    confirmed.completeExceptionally(failure);
                    return;
                }
                open.add(session);
                StompHeaders subscribe = new StompHeaders();
                subscribe.setDestination(QUEUE);
                subscribe.setReceipt(UUID.randomUUID().toString());
                try {
                    session.subscribe(subscribe, new Messages(deliveries))
                            .addReceiptTask(() -> confirmed.complete(null));
                }
                catch (RuntimeException refused) {
                    confirmed.completeExceptionally(refused);
                }
            });
        }
        CompletableFuture.allOf(subscribed).get(5, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        StompSession session;
        while ((session = open.poll()) != null) {
            if (session.isConnected()) {
                session.disconnect();
            }
        }
    }

    private record Messages(Deliveries deliveries) implements StompFrameHandler {

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return String.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            deliveries.received((String) payload);
        }
    }

    /** JSON payloads as their text: the client only looks for the timestamp, it does not need them parsed. */
    private static final class JsonText extends AbstractMessageConverter {

        JsonText() {
            super(MimeTypeUtils.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return type == String.class;
        }

        @Override
        protected Object convertFromInternal(Message<?> message, Class<?> type, Object hint) {
            return new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
        }
    }
}
