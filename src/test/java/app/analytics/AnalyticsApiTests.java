package app.analytics;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/** The summary moves with what the user does: generations, their outcome, views and features used. */
@PlatformIntegrationTest
class AnalyticsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void generationsTheirOutcomeViewsAndFeaturesAreCounted() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        double failedBefore = meters.counter("app.business.generations", "type", "blog", "outcome", "failed").count();
        assertThat(summary(user).path("generations").path("total").asInt()).isZero();

        String blog = generate(user, "blog", "{\"topic\":\"analytics\",\"keywords\":[],\"length\":\"short\"}");
        generate(user, "listing", "{\"productName\":\"Pack\",\"features\":[\"zip\"],\"audience\":\"hikers\"}");
        generate(user, "blog", "{\"topic\":\"please fail\",\"keywords\":[],\"length\":\"short\"}");
        await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL).until(() -> send("GET",
                base() + "/api/v1/library/items/" + blog, null, user.bearer()).status() == 200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL).untilAsserted(() -> {
            JsonNode summary = summary(user);
            assertThat(summary.path("generations").path("total").asInt()).isEqualTo(3);
            assertThat(summary.path("generations").path("completed").asInt()).isEqualTo(2);
            assertThat(summary.path("generations").path("failed").asInt()).isEqualTo(1);
            assertThat(summary.path("generations").path("successRate").decimalValue())
                    .isEqualByComparingTo("0.6667");
            assertThat(summary.path("contentViews").asInt()).isEqualTo(1);
            assertThat(summary.path("featuresUsed").toString())
                    .contains("studio.blog", "studio.listing", "library", "brand.audit");
        });
        assertThat(meters.counter("app.business.generations", "type", "blog", "outcome", "failed").count())
                .isEqualTo(failedBefore + 1);
    }

    private JsonNode summary(TestUser user) {
        return send("GET", base() + "/api/v1/analytics/summary", null, user.bearer()).body();
    }

    private String generate(TestUser user, String type, String brief) {
        return send("POST", base() + "/api/v1/studio/content/" + type, brief, user.bearer()).body().path("id")
                .asString();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
