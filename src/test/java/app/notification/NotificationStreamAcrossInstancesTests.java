package app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import app.Application;
import app.platform.PlatformIntegrationTest;
import app.platform.operations.EventStream;
import app.platform.operations.HttpClientSupport;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/**
 * Two instances sharing Redis: a stream or a STOMP session open on one instance receives what the other stores or
 * produces for its user.
 */
@PlatformIntegrationTest
class NotificationStreamAcrossInstancesTests {

    private static ConfigurableApplicationContext secondInstance;

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(Application.class).profiles("test").run("--server.port=0",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
    }

    @AfterAll
    static void stopSecondInstance() {
        secondInstance.close();
    }

    @Test
    void aStreamOnOneInstanceReceivesANotificationStoredByTheOther() {
        TestUser user = TestUsers.signUpAndAwaitWelcome("http://localhost:" + port);
        try (EventStream onSecond = EventStream.open(second() + "/api/v1/notifications/stream", user.bearer())) {
            assertThat(onSecond.status()).isEqualTo(200);

            inbox.deliver(UUID.randomUUID(), user.id(), "background.job.completed", "Your export is ready",
                    "Stored by the first instance.");

            EventStream.Event event = await().atMost(Duration.ofSeconds(20))
                    .until(onSecond::events, events -> !events.isEmpty()).getFirst();
            assertThat(event.name()).isEqualTo("background.job.completed");
            assertThat(event.json().path("title").asString()).isEqualTo("Your export is ready");
        }
    }

    @Test
    void aStompSessionOnOneInstanceReceivesNotificationsAndProgressProducedByTheOther() {
        TestUser user = TestUsers.signUpAndAwaitWelcome("http://localhost:" + port);
        try (StompTestClient onSecond = StompTestClient.connect(secondPort(), user.accessToken())) {
            StompTestClient.Subscription notifications = onSecond.subscribe("/user/queue/notifications");
            StompTestClient.Subscription generations = onSecond.subscribe("/user/queue/generations");
            assertThat(notifications.accepted()).isTrue();

            inbox.deliver(UUID.randomUUID(), user.id(), "background.job.completed", "Your report is ready",
                    "Stored by the first instance.");
            HttpClientSupport.send("POST", "http://localhost:" + port + "/api/v1/studio/content/blog",
                    "{\"topic\":\"email marketing\",\"keywords\":[\"open rate\"],\"length\":\"short\"}",
                    user.bearer());

            assertThat(notifications.await(message -> true).path("title").asString())
                    .isEqualTo("Your report is ready");
            generations.await(message -> message.path("status").asString().equals("COMPLETED"));
        }
    }

    private static int secondPort() {
        return Integer.parseInt(secondInstance.getBean(Environment.class).getProperty("local.server.port"));
    }

    private static String second() {
        return "http://localhost:" + secondInstance.getBean(Environment.class).getProperty("local.server.port");
    }
}
