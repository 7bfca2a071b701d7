package app.notification;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import app.platform.time.MovableClock;
import tools.jackson.databind.JsonNode;

/** The inbox tells the user when content is ready or failed, newest first, and keeps what was read. */
@PlatformIntegrationTest
class NotificationsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Test
    void readyAndFailedGenerationsReachTheInboxNewestFirst() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        generate(user, "{\"topic\":\"inbox\",\"keywords\":[],\"length\":\"short\"}");
        await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> inbox(user).path("items").size() == 2);
        generate(user, "{\"topic\":\"please fail\",\"keywords\":[],\"length\":\"short\"}");

        JsonNode items = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> inbox(user).path("items"), found -> found.size() == 3);

        assertThat(items.findValuesAsString("type")).as("the welcome of the sign-up too")
                .containsExactlyInAnyOrder("ai.generation.failed", "library.content.saved", "user.account.created");
        assertThat(items.get(0).path("type").asString()).as("newest first").isEqualTo("ai.generation.failed");
        assertThat(items.get(0).path("body").asString()).contains("the model is unavailable");
        assertThat(items.get(0).path("read").asBoolean()).isFalse();
    }

    @Test
    void aNotificationIsMarkedReadAndAnotherUsersIsNotFound() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());
        TestUser other = TestUsers.signUpAndLogIn(base());
        generate(user, "{\"topic\":\"read me\",\"keywords\":[],\"length\":\"short\"}");
        String id = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> inbox(user).path("items"),
                        found -> found.findValuesAsString("type").contains("library.content.saved"))
                .path(0).path("id").asString();

        assertThat(send("POST", base() + "/api/v1/notifications/" + id + "/read", null, other.bearer()).status())
                .isEqualTo(404);
        JsonResponse read = send("POST", base() + "/api/v1/notifications/" + id + "/read", null, user.bearer());

        assertThat(read.status()).isEqualTo(200);
        assertThat(inbox(user).path("items").get(0).path("read").asBoolean()).isTrue();
    }

    @Test
    void reachingTheQuotaIsAnnounced() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        // Within one month: the notices count what was used in it.
        YearMonth month = YearMonth.from(clock.stop().atZone(ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            generate(user, "{\"topic\":\"quota " + i + "\",\"keywords\":[],\"length\":\"short\"}");
        }

        JsonNode items = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> inbox(user).path("items"), found -> found.findValuesAsString("type").stream()
                        .filter("ai.usage.limit.reached"::equals).count() == 2);

        assertThat(items.findValuesAsString("title")).contains("You have used 80 % of this month's generations",
                "You have used 100 % of this month's generations");
        assertThat(items.findValuesAsString("body")).contains("3 of 3 generations used in " + month + ".",
                "3 of 3 generations used in " + month + ". A larger plan raises the quota at once.");
    }

    private void generate(TestUser user, String brief) {
        send("POST", base() + "/api/v1/studio/content/blog", brief, user.bearer());
    }

    private JsonNode inbox(TestUser user) {
        return send("GET", base() + "/api/v1/notifications", null, user.bearer()).body();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
