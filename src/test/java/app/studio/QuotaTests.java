package app.studio;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
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
 * The monthly quota (README: free 20, pro 500 generations, 3 on the test profile's free plan) on the application's
 * clock moved to chosen instants. A generation counts in the calendar month (UTC) in which it was accepted; once the
 * month's generations are used, a request answers {@code 429 quota-exceeded} with the time the quota resets (00:00
 * UTC on the 1st of the next month) in {@code resetsAt} and {@code Retry-After}; the month's usage is announced in
 * the inbox at 80 % and 100 %. Users sign up before the clock moves (their tokens are checked against the system
 * clock too), and every generation finishes before it moves back.
 */
@PlatformIntegrationTest
class QuotaTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    StudioSettings settings;

    private int limit;

    @BeforeEach
    void freePlanLimit() {
        limit = settings.limitFor("free");
        assertThat(limit).as("app.studio.monthly-generations.free of the test profile").isPositive();
    }

    @Test
    void aQuotaUsedUpWithinAMonthIsRefusedUntilTheFirstOfTheNextMonthThenWholeAgain() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        clock.set(Instant.parse("2026-03-14T10:00:00Z"));

        List<String> march = generateAll(user, limit);
        JsonResponse refused = generate(user, "one too many");

        assertQuotaExceeded(refused, "2026-04-01T00:00:00Z", Duration.ofDays(17).plusHours(14));
        assertThat(notice(user, 100, "2026-03").path("body").asString()).isEqualTo(limit + " of " + limit
                + " generations used in 2026-03. A larger plan raises the quota at once.");

        clock.set(Instant.parse("2026-03-31T23:59:59Z"));
        assertQuotaExceeded(generate(user, "a second before the reset"), "2026-04-01T00:00:00Z", Duration.ofSeconds(1));

        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        JsonResponse april = generate(user, "the first of the month");
        assertThat(april.status()).as("a new month, a whole quota").isEqualTo(202);

        awaitSagasCompleted(user, march);
        awaitSagasCompleted(user, List.of(april.body().path("id").asString()));
    }

    @Test
    void aRunAcrossMidnightOnTheFirstCountsInTheMonthItWasAcceptedAndLeavesTheNextMonthWhole() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        clock.set(Instant.parse("2026-01-31T23:50:00Z"));
        List<String> january = generateAll(user, limit - 1);

        String straddling;
        try (FailingContentGenerator.Hold hold = FailingContentGenerator.hold()) {
            clock.set(Instant.parse("2026-01-31T23:59:59.900Z"));
            JsonResponse lastOfJanuary = generate(user, FailingContentGenerator.HELD);
            assertThat(lastOfJanuary.status()).as("the last unit of January").isEqualTo(202);
            straddling = lastOfJanuary.body().path("id").asString();
            await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(() -> generation(user, straddling),
                    running -> running.path("status").asString().equals("RUNNING"));

            assertQuotaExceeded(generate(user, "still January"), "2026-02-01T00:00:00Z", Duration.ofSeconds(1));
            assertThat(notice(user, 100, "2026-01").path("body").asString())
                    .startsWith(limit + " of " + limit + " generations used in 2026-01.");

            clock.set(Instant.parse("2026-02-01T00:00:00.100Z"));
            hold.release();
        }
        JsonNode completed = awaitSagasCompleted(user, List.of(straddling)).getFirst();

        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(instant(completed.path("createdAt"))).isEqualTo(Instant.parse("2026-01-31T23:59:59.900Z"));
        assertThat(instant(step(completed, "accepted").path("at")))
                .isEqualTo(Instant.parse("2026-01-31T23:59:59.900Z"));
        assertThat(instant(step(completed, "generate").path("at"))).as("completed after midnight")
                .isEqualTo(Instant.parse("2026-02-01T00:00:00.100Z"));

        List<String> february = generateAll(user, limit);
        assertThat(february).as("February's whole quota: the run across midnight counted in January").hasSize(limit);
        assertQuotaExceeded(generate(user, "one too many in February"), "2026-03-01T00:00:00Z",
                Duration.ofDays(28));
        assertThat(notice(user, 100, "2026-02").path("body").asString())
                .startsWith(limit + " of " + limit + " generations used in 2026-02.");

        awaitSagasCompleted(user, january);
        awaitSagasCompleted(user, february);
    }

    /** Accepts {@code count} generations, each answered 202, and returns their ids. */
    private List<String> generateAll(TestUser user, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonResponse accepted = generate(user, "quota " + i);
            assertThat(accepted.status()).as("generation %d of %d", i + 1, limit).isEqualTo(202);
            ids.add(accepted.body().path("id").asString());
        }
        return ids;
    }

    private void assertQuotaExceeded(JsonResponse refused, String resetsAt, Duration retryAfter) {
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("type").asString()).isEqualTo("urn:problem-type:quota-exceeded");
        assertThat(refused.body().path("limit").asInt()).isEqualTo(limit);
        assertThat(refused.body().path("resetsAt").asString()).isEqualTo(resetsAt);
        assertThat(refused.header("Retry-After")).hasValue(String.valueOf(retryAfter.toSeconds()));
    }

    /** The inbox's notice of the month's usage at {@code percent} %. */
    private JsonNode notice(TestUser user, int percent, String month) {
        return await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(() -> {
            for (JsonNode item : send("GET", base() + "/api/v1/notifications", null, user.bearer()).body()
                    .path("items")) {
                if (item.path("type").asString().equals("ai.usage.limit.reached")
                        && item.path("title").asString().contains(percent + " %")
                        && item.path("body").asString().contains(" used in " + month)) {
                    return item;
                }
            }
            return null;
        }, item -> item != null);
    }

    /** Waits until the generations' sagas completed (before the clock moves back, their deadlines are far away). */
    private List<JsonNode> awaitSagasCompleted(TestUser user, List<String> ids) {
        List<JsonNode> completed = new ArrayList<>();
        for (String id : ids) {
            completed.add(await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(
                    () -> generation(user, id), generation -> generation.path("sagaStatus").asString().equals(
                            "COMPLETED")));
        }
        return completed;
    }

    private static Instant instant(JsonNode value) {
        return Instant.parse(value.asString());
    }

    private static JsonNode step(JsonNode generation, String name) {
        for (JsonNode step : generation.path("steps")) {
            if (step.path("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("No step " + name + " in " + generation);
    }

    private JsonNode generation(TestUser user, String id) {
        return send("GET", base() + "/api/v1/studio/generations/" + id, null, user.bearer()).body();
    }

    private JsonResponse generate(TestUser user, String topic) {
        return send("POST", base() + "/api/v1/studio/content/blog",
                "{\"topic\":\"" + topic + "\",\"keywords\":[\"quota\"],\"length\":\"short\"}", user.bearer());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
