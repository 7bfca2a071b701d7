package app.brand;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/** A brand profile, and the audit of a generated listing against it. */
@PlatformIntegrationTest
class BrandApiTests {

    @LocalServerPort
    int port;

    @Test
    void aProfileIsCreatedOrReplacedWithPutAndReadBack() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        send("PUT", base() + "/api/v1/brand/profile", "{\"voice\":\"formal\",\"bannedTerms\":[\"cheap\"]}",
                user.bearer());
        JsonResponse replaced = send("PUT", base() + "/api/v1/brand/profile",
                "{\"voice\":\"friendly\",\"bannedTerms\":[\"cheap\",\"best ever\"],\"requiredTerms\":[\"warranty\"]}",
                user.bearer());

        assertThat(replaced.status()).isEqualTo(200);
        JsonResponse read = send("GET", base() + "/api/v1/brand/profile", null, user.bearer());
        assertThat(read.body().path("voice").asString()).isEqualTo("friendly");
        assertThat(read.body().path("bannedTerms").size()).isEqualTo(2);
        assertThat(send("PUT", base() + "/api/v1/brand/profile", "{\"bannedTerms\":[\"\"]}", user.bearer()).status())
                .isEqualTo(400);
    }

    @Test
    void aGeneratedListingIsAuditedAgainstTheBrand() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        send("PUT", base() + "/api/v1/brand/profile",
                "{\"bannedTerms\":[\"waterproof zipper\"],\"requiredTerms\":[\"lifetime warranty\"]}", user.bearer());
        String listing = send("POST", base() + "/api/v1/studio/content/listing", "{\"productName\":\"Trail Pack 30\","
                + "\"features\":[\"waterproof zipper\",\"light frame\"],\"audience\":\"weekend hikers\"}",
                user.bearer()).body().path("id").asString();

        JsonNode audits = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> send("GET", base() + "/api/v1/brand/audits?contentId=" + listing, null, user.bearer())
                        .body(), body -> body.path("items").size() == 1);

        JsonNode audit = audits.path("items").get(0);
        assertThat(audit.path("contentId").asString()).isEqualTo(listing);
        assertThat(audit.path("findings").findValuesAsString("term"))
                .contains("waterproof zipper", "lifetime warranty");
        assertThat(audit.path("score").asInt()).isLessThanOrEqualTo(65);
        JsonResponse byId = send("GET", base() + "/api/v1/brand/audits/" + audit.path("id").asString(), null,
                user.bearer());
        assertThat(byId.body().path("score").asInt()).isEqualTo(audit.path("score").asInt());
        await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL).untilAsserted(() -> assertThat(
                send("GET", base() + "/api/v1/studio/generations/" + listing, null, user.bearer()).body()
                        .path("steps").findValuesAsString("name"))
                .as("the audit shows in the generation's steps").contains("brand-audit"));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
