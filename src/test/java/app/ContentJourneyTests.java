package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.devservices.DevMailServer;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * The content issue's "done when", as one user's journey over HTTP: sign up, generate each content type, find each in
 * the library, see the listing's brand audit, see analytics move, and be told in the inbox and by e-mail.
 */
@PlatformIntegrationTest
class ContentJourneyTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DevMailServer mailServer;

    @Test
    void aNewUserGeneratesEachContentTypeAndFindsItInTheLibraryTheAuditAnalyticsInboxAndMail() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        send("PUT", base() + "/api/v1/brand/profile", "{\"voice\":\"friendly\",\"bannedTerms\":[\"cheap\"],"
                + "\"requiredTerms\":[\"Trail Pack\"]}", user.bearer());

        Map<String, String> generations = new LinkedHashMap<>();
        generations.put("blog", generate(user, "blog", "{\"topic\":\"trail running\",\"keywords\":[\"cadence\"],"
                + "\"length\":\"short\"}"));
        generations.put("social", generate(user, "social", "{\"topic\":\"spring launch\",\"platforms\":"
                + "[\"x\",\"linkedin\"]}"));
        generations.put("listing", generate(user, "listing", "{\"productName\":\"Trail Pack 30\",\"features\":"
                + "[\"cheap zipper\"],\"audience\":\"hikers\"}"));

        generations.forEach((type, id) -> {
            JsonNode generation = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                    .until(() -> get(user, "/api/v1/studio/generations/" + id).body(),
                            found -> found.path("sagaStatus").asString().equals("COMPLETED"));
            assertThat(generation.path("status").asString()).as(type).isEqualTo("COMPLETED");
            JsonResponse item = get(user, "/api/v1/library/items/" + id);
            assertThat(item.status()).as("%s in the library", type).isEqualTo(200);
            assertThat(item.body().path("type").asString()).isEqualTo(type);
        });
        assertThat(get(user, "/api/v1/library/items/" + generations.get("social")).body().path("body").asString())
                .as("one Markdown document with a section per platform").contains("## x", "## linkedin");
        assertThat(get(user, "/api/v1/library/items/" + generations.get("listing")).body().path("body").asString())
                .contains("- ").contains("cheap zipper");

        JsonNode audit = get(user, "/api/v1/brand/audits?contentId=" + generations.get("listing")).body()
                .path("items").get(0);
        assertThat(audit.path("findings").findValuesAsString("term")).contains("cheap");
        assertThat(audit.path("score").asInt()).isLessThan(100);

        JsonNode summary = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> get(user, "/api/v1/analytics/summary").body(),
                        found -> found.path("contentViews").asInt() == 5);
        assertThat(summary.path("generations").path("completed").asInt()).isEqualTo(3);
        assertThat(summary.path("featuresUsed").toString())
                .contains("studio.blog", "studio.social", "studio.listing");

        assertThat(get(user, "/api/v1/notifications").body().path("items").findValuesAsString("type"))
                .as("the ready notices (and this test's small quota's usage warnings)")
                .filteredOn("library.content.saved"::equals).hasSize(3);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailServer.received())
                .filteredOn(mail -> mail.to().toString().contains(user.email()))
                .extracting(mail -> mail.subject())
                .contains("Your blog post is ready", "Your social posts are ready", "Your listing is ready"));
    }

    private String generate(TestUser user, String type, String brief) {
        JsonResponse accepted = send("POST", base() + "/api/v1/studio/content/" + type, brief, user.bearer());
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.body().path("id").asString();
    }

    private JsonResponse get(TestUser user, String path) {
        return send("GET", base() + path, null, user.bearer());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
