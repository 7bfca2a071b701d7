package app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/** Every notification stored in the inbox also reaches the user's STOMP sessions on /user/queue/notifications. */
@PlatformIntegrationTest
class NotificationsOverStompTests {

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @Test
    void aStoredNotificationArrivesOnTheUsersNotificationQueueOnly() {
        TestUser user = TestUsers.signUpAndAwaitWelcome("http://localhost:" + port);
        TestUser other = TestUsers.signUpAndAwaitWelcome("http://localhost:" + port);
        try (StompTestClient client = StompTestClient.connect(port, user.accessToken());
                StompTestClient otherClient = StompTestClient.connect(port, other.accessToken())) {
            StompTestClient.Subscription notifications = client.subscribe("/user/queue/notifications");
            StompTestClient.Subscription othersNotifications = otherClient.subscribe("/user/queue/notifications");

            inbox.deliver(UUID.randomUUID(), user.id(), "background.job.completed", "Your export is ready",
                    "It is in your downloads.");

            JsonNode notification = notifications.await(message -> true);
            assertThat(notification.path("type").asString()).isEqualTo("background.job.completed");
            assertThat(notification.path("title").asString()).isEqualTo("Your export is ready");
            assertThat(notification.path("read").asBoolean()).isFalse();
            assertThat(notification.path("id").asString()).isNotBlank();

            inbox.deliver(UUID.randomUUID(), other.id(), "background.job.completed", "Your report is ready",
                    "It is in your downloads.");
            othersNotifications.await(message -> true);
            assertThat(othersNotifications.messages())
                    .as("the other user's own notice comes first: the user's never came")
                    .extracting(message -> message.path("title").asString()).containsExactly("Your report is ready");
        }
    }
}
