package app.studio;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import app.platform.time.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * Generations over HTTP: accepted at once, followed to their end, limited by the plan's monthly quota (3 here). The
 * quota tests stop the application's clock, so a month does not end in the middle of one.
 */
@PlatformIntegrationTest
class StudioApiTests {

    private static final String BLOG = "{\"topic\":\"email marketing\",\"keywords\":[\"open rate\",\"subject lines\"],"
            + "\"length\":\"short\"}";

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Test
    void aBlogGenerationIsAcceptedAndCompletesWithTheContentAndItsSteps() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse accepted = generate(user, "blog", BLOG);

        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().path("id").asString();
        assertThat(accepted.header("Location")).hasValue("/api/v1/studio/generations/" + id);
        assertThat(accepted.body().path("type").asString()).isEqualTo("blog");
        assertThat(accepted.body().path("status").asString()).isEqualTo("PENDING");

        JsonNode done = awaitFinished(user, id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("content").path("body").asString()).contains("open rate").contains("subject lines");
        assertThat(done.path("steps").findValuesAsString("name")).startsWith("accepted", "generate");
        JsonNode saga = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> send("GET", base() + "/api/v1/studio/generations/" + id, null, user.bearer()).body(),
                        generation -> generation.path("sagaStatus").asString().equals("COMPLETED"));
        assertThat(saga.path("steps").findValuesAsString("name")).as("the content saga's steps, in order")
                .containsExactly("accepted", "generate", "library", "analytics", "notify");
        assertThat(saga.path("steps").findValuesAsString("status")).containsOnly("COMPLETED");
    }

    @Test
    void socialAndListingGenerationsComplete() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        String social = generate(user, "social", "{\"topic\":\"launch week\",\"platforms\":[\"x\",\"linkedin\"]}")
                .body().path("id").asString();
        String listing = generate(user, "listing", "{\"productName\":\"Trail Pack 30\",\"features\":"
                + "[\"waterproof zipper\"],\"audience\":\"hikers\"}").body().path("id").asString();

        assertThat(awaitFinished(user, social).path("content").path("posts").findValuesAsString("platform"))
                .containsExactly("x", "linkedin");
        assertThat(awaitFinished(user, listing).path("content").path("bullets").get(0).asString())
                .contains("waterproof zipper");
    }

    @Test
    void generationsListNewestFirstWithACursor() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(generate(user, "blog", BLOG).body().path("id").asString());
        }

        JsonResponse first = send("GET", base() + "/api/v1/studio/generations?limit=2", null, user.bearer());
        JsonResponse second = send("GET", base() + "/api/v1/studio/generations?limit=2&cursor="
                + first.body().path("nextCursor").asString(), null, user.bearer());

        assertThat(first.body().path("items").findValuesAsString("id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.body().path("items").findValuesAsString("id")).containsExactly(ids.get(0));
    }

    @Test
    void anUnknownTypeIsNotFoundAndAnInvalidBriefNamesEveryField() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        assertThat(generate(user, "poem", BLOG).status()).isEqualTo(404);
        JsonResponse invalid = generate(user, "blog", "{\"keywords\":[\"\"],\"length\":\"epic\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("topic", "keywords", "length");
        JsonResponse social = generate(user, "social", "{\"topic\":\"x\",\"platforms\":[\"myspace\"]}");
        assertThat(social.body().path("errors").findValuesAsString("field")).containsExactly("platforms");
    }

    @Test
    void anotherUsersGenerationIsNotFound() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser other = TestUsers.signUpAndLogIn(base());
        String id = generate(owner, "blog", BLOG).body().path("id").asString();

        assertThat(send("GET", base() + "/api/v1/studio/generations/" + id, null, other.bearer()).status())
                .isEqualTo(404);
        assertThat(send("GET", base() + "/api/v1/studio/generations", null, other.bearer()).body().path("items"))
                .isEmpty();
    }

    @Test
    void concurrentRequestsNeverOverspendTheMonthlyQuota() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());
        Instant now = clock.stop();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(() -> {
                start.await();
                return generate(user, "blog", BLOG).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            List<Future<Integer>> results = requests.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(3);
        assertThat(statuses).filteredOn(status -> status != 202).containsOnly(429);
        JsonResponse refused = generate(user, "blog", BLOG);
        assertThat(refused.body().path("type").asString()).isEqualTo("urn:problem-type:quota-exceeded");
        Instant resetsAt = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(refused.body().path("resetsAt").asString()).isEqualTo(resetsAt.toString());
        assertThat(refused.header("Retry-After")).hasValue(String.valueOf(
                ChronoUnit.SECONDS.between(now.truncatedTo(ChronoUnit.SECONDS), resetsAt)));
    }

    @Test
    void aFailedGenerationSaysWhyAndGivesTheQuotaUnitBack() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        clock.stop();
        generate(user, "blog", BLOG);
        generate(user, "blog", BLOG);

        String failing = generate(user, "blog", "{\"topic\":\"" + FailingContentGenerator.FAIL
                + "\",\"keywords\":[],\"length\":\"short\"}").body().path("id").asString();
        JsonNode failed = awaitFinished(user, failing);

        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failureReason").asString()).contains("the model is unavailable");
        await().atMost(Duration.ofSeconds(10)).pollInterval(TestUsers.POLL_INTERVAL)
                .untilAsserted(() -> assertThat(generate(user, "blog", BLOG).status())
                        .as("the unit is back: a third generation fits the quota of 3").isEqualTo(202));
    }

    @Test
    void anUpgradeRaisesTheQuotaAtOnce() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        clock.stop();
        for (int i = 0; i < 3; i++) {
            generate(user, "blog", BLOG);
        }
        assertThat(generate(user, "blog", BLOG).status()).isEqualTo(429);

        send("PUT", base() + "/api/v1/users/me/subscription", "{\"plan\":\"pro\"}", user.bearer());

        await().atMost(Duration.ofSeconds(10)).pollInterval(TestUsers.POLL_INTERVAL)
                .untilAsserted(() -> assertThat(generate(user, "blog", BLOG).status()).isEqualTo(202));
    }

    private JsonNode awaitFinished(TestUser user, String id) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL).until(
                () -> send("GET", base() + "/api/v1/studio/generations/" + id, null, user.bearer()).body(),
                generation -> List.of("COMPLETED", "FAILED").contains(generation.path("status").asString()));
    }

    private JsonResponse generate(TestUser user, String type, String body) {
        return send("POST", base() + "/api/v1/studio/content/" + type, body, user.bearer());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
