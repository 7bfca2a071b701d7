package bench;

import java.util.List;

import app.platform.operations.TestUsers.TestUser;

/** Open subscriptions of one kind (SSE streams, STOMP sessions) held by the benchmark's client. */
interface PushSubscribers extends AutoCloseable {

    /** The kind, as the application's bench endpoint names it: {@code sse} or {@code stomp}. */
    String kind();

    /**
     * Opens {@code count} subscriptions, spread over the users round-robin, and returns once each is live (the
     * application registered it); what they receive goes to {@code deliveries}.
     */
    void open(List<TestUser> users, int count, Deliveries deliveries) throws Exception;

    @Override
    void close();
}
