package app.notification;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.EventStream;
import app.platform.operations.EventStream.Event;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import app.platform.push.PushStreams;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/notifications/stream}: each stored notification reaches its owner's open streams as a server-sent
 * event with an id, its type as the event name and the inbox item as data; a reconnection resumes after its
 * {@code Last-Event-ID}; heartbeats keep it open; a browser opens it with a single-use ticket.
 */
@PlatformIntegrationTest
class NotificationStreamTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @Autowired
    PushStreams streams;

    @Test
    void aFailedGenerationArrivesOnItsOwnersStreamAndNoOneElses() {
        TestUser owner = TestUsers.signUpAndAwaitWelcome(base());
        TestUser other = TestUsers.signUpAndAwaitWelcome(base());
        try (EventStream ownerStream = open(owner); EventStream otherStream = open(other)) {
            assertThat(ownerStream.status()).isEqualTo(200);
            assertThat(ownerStream.contentType()).startsWith("text/event-stream");

            generate(owner, "please fail");
            Event failed = await().atMost(WAIT).until(() -> ownerStream.events(), events -> !events.isEmpty()).getFirst();
            notify(other, "background.job.completed", "Your export is ready");

            assertThat(failed.name()).isEqualTo("ai.generation.failed");
            assertThat(failed.id()).matches("\\d+-\\d+");
            JsonNode item = failed.json();
            assertThat(item.path("type").asString()).isEqualTo("ai.generation.failed");
            assertThat(item.path("title").asString()).contains("could not be generated");
            assertThat(item.path("read").asBoolean()).isFalse();
            assertThat(item.path("createdAt").asString()).isNotBlank();
            assertThat(item.path("id").asString()).isEqualTo(inboxOf(owner).path("items").path(0).path("id").asString());
            List<Event> othersEvents = await().atMost(WAIT).until(otherStream::events, events -> !events.isEmpty());
            assertThat(othersEvents).as("the other user's own notification comes first: the owner's never came")
                    .extracting(Event::name).first().isEqualTo("background.job.completed");
        }
    }

    @Test
    void aReconnectionWithLastEventIdGetsExactlyWhatFollowedThenLiveEvents() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());
        List<Event> seen;
        try (EventStream first = open(user)) {
            for (String title : List.of("first", "second", "third")) {
                notify(user, "background.job.completed", title);
            }
            seen = await().atMost(WAIT).until(first::events, events -> events.size() == 3);
        }
        assertThat(seen).extracting(event -> event.json().path("title").asString())
                .containsExactly("first", "second", "third");

        try (EventStream resumed = open(user, "Last-Event-ID", seen.getFirst().id())) {
            await().atMost(WAIT).until(resumed::events, events -> events.size() == 2);
            notify(user, "background.job.completed", "fourth");

            List<Event> events = await().atMost(WAIT).until(resumed::events, received -> received.size() == 3);
            assertThat(events.subList(0, 2)).isEqualTo(seen.subList(1, 3));
            assertThat(events.get(2).json().path("title").asString()).isEqualTo("fourth");
        }
    }

    @Test
    void anIdTheHistoryNoLongerHoldsGetsAResetThenLiveEvents() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());
        String oldest;
        try (EventStream stream = open(user)) {
            for (int i = 0; i < 25; i++) {
                streams.publish(user.id(), "background.job.progress", new Progress(i));
            }
            oldest = await().atMost(WAIT).until(stream::events, events -> events.size() == 25).getFirst().id();
        }

        for (String lastEventId : List.of(oldest, "1-0", "not-an-id")) {
            try (EventStream resumed = open(user, "Last-Event-ID", lastEventId)) {
                Event reset = await().atMost(WAIT).until(resumed::events, events -> !events.isEmpty()).getFirst();
                streams.publish(user.id(), "background.job.progress", new Progress(99));

                assertThat(reset.name()).as("after " + lastEventId).isEqualTo("reset");
                assertThat(reset.json().path("reload").asBoolean()).isTrue();
                assertThat(reset.id()).matches("\\d+-\\d+");
                List<Event> events = await().atMost(WAIT).until(resumed::events, received -> received.size() == 2);
                assertThat(events.get(1).json().path("step").asInt()).isEqualTo(99);
            }
        }
    }

    @Test
    void anIdleStreamGetsHeartbeatComments() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());
        try (EventStream stream = open(user)) {
            // Two heartbeats (app.push.heartbeat) with no event between them.
            await().atMost(WAIT).until(stream::comments, comments -> comments.size() >= 2);

            assertThat(stream.comments()).allMatch(" ping"::equals);
            assertThat(stream.events()).isEmpty();
        }
    }

    @Test
    void aBrowserOpensTheStreamWithATicketThatWorksOnce() throws InterruptedException {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());
        JsonResponse issued = send("POST", base() + "/api/v1/notifications/stream/tickets", null, user.bearer());
        assertThat(issued.status()).isEqualTo(200);
        String ticket = issued.body().path("ticket").asString();
        assertThat(ticket).hasSizeGreaterThanOrEqualTo(43);
        assertThat(issued.body().path("expiresAt").asString()).isNotBlank();

        try (EventStream stream = EventStream.open(streamUrl() + "?ticket=" + ticket)) {
            assertThat(stream.status()).isEqualTo(200);
            notify(user, "background.job.completed", "Through a ticket");
            await().atMost(WAIT).until(stream::events, events -> events.size() == 1);

            assertUnauthorized(EventStream.open(streamUrl() + "?ticket=" + ticket));
        }
    }

    @Test
    void withoutValidCredentialsTheStreamAnswers401() throws InterruptedException {
        assertUnauthorized(EventStream.open(streamUrl()));
        assertUnauthorized(EventStream.open(streamUrl() + "?ticket=" + "A".repeat(43)));
        assertUnauthorized(EventStream.open(streamUrl() + "?ticket="));
        assertUnauthorized(EventStream.open(streamUrl(), "Authorization", "Bearer garbage"));
        assertThat(send("POST", base() + "/api/v1/notifications/stream/tickets", null).status()).isEqualTo(401);
    }

    record Progress(int step) {
    }

    private static void assertUnauthorized(EventStream refused) throws InterruptedException {
        try (refused) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("urn:problem-type:unauthorized");
        }
    }

    private void notify(TestUser user, String type, String title) {
        inbox.deliver(UUID.randomUUID(), user.id(), type, title, "A notification for the stream.");
    }

    private void generate(TestUser user, String topic) {
        JsonResponse accepted = send("POST", base() + "/api/v1/studio/content/blog",
                "{\"topic\":\"%s\",\"keywords\":[],\"length\":\"short\"}".formatted(topic), user.bearer());
        assertThat(accepted.status()).isBetween(200, 299);
    }

    private JsonNode inboxOf(TestUser user) {
        return send("GET", base() + "/api/v1/notifications", null, user.bearer()).body();
    }

    private EventStream open(TestUser user, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + user.accessToken();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return EventStream.open(streamUrl(), all);
    }

    private String streamUrl() {
        return base() + "/api/v1/notifications/stream";
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
