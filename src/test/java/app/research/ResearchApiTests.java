package app.research;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/** Keyword trackers over HTTP: the caller's own, validated, limited, refreshed on schedule and on demand. */
@PlatformIntegrationTest
class ResearchApiTests {

    private static final String TRACKERS = "/api/v1/research/trackers";

    @LocalServerPort
    int port;

    @Autowired
    ResearchManagement research;

    @Autowired
    Trackers trackers;

    @Autowired
    TrackerRefresh refresh;

    @Autowired
    TrackerJson json;

    @Autowired
    ResearchSettings settings;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Test
    void aTrackerIsCreatedRankedByTheScheduledRefreshListedReadAndDeleted() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse created = send("POST", base() + TRACKERS,
                "{\"keyword\":\" hiking boots \",\"competitors\":[\"acme.com\",\"Globex\"],\"ownDomain\":\"mine.com\"}",
                user.bearer());

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.header("Location")).hasValue(TRACKERS + "/" + id);
        assertThat(created.body().path("keyword").asString()).isEqualTo("hiking boots");
        assertThat(created.body().path("source").asString()).isEqualTo("sample");
        JsonNode ranked = firstRankingOf(user, id);
        assertThat(ranked.path("latest").path("source").asString()).isEqualTo("sample");
        assertThat(ranked.path("latest").path("ownPosition").asInt()).isBetween(1, 50);
        assertThat(ranked.path("latest").path("competitors").findValuesAsString("name"))
                .containsExactly("acme.com", "Globex");
        assertThat(ranked.path("latest").path("competitors").get(0).path("price").isNumber()).isTrue();

        JsonResponse list = send("GET", base() + TRACKERS, null, user.bearer());
        assertThat(list.body().path("source").asString()).isEqualTo("sample");
        assertThat(list.body().path("items").findValuesAsString("id")).containsExactly(id);

        assertThat(send("DELETE", base() + TRACKERS + "/" + id, null, user.bearer()).status()).isEqualTo(204);
        assertThat(send("GET", base() + TRACKERS + "/" + id, null, user.bearer()).status()).isEqualTo(404);
        assertThat(send("GET", base() + TRACKERS, null, user.bearer()).body().path("items").size()).isZero();
    }

    @Test
    void badInputIsAnsweredWithOneProblemPerFieldAndNothingIsWritten() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse invalid = send("POST", base() + TRACKERS, """
                {"keyword": "%s", "competitors": ["acme.com", "ACME.com", "<script>", "", null],
                 "ownDomain": "bad/domain",
                 "alerts": {"rankDrop": {"places": 0}, "competitorOvertakes": {"competitor": "unknown.com"},
                            "priceChange": {"percent": -5}}}""".formatted("k".repeat(101)), user.bearer());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("type").asString()).isEqualTo("urn:problem-type:invalid-input");
        assertThat(invalid.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("keyword",
                "competitors[1]", "competitors[2]", "competitors[3]", "competitors[4]", "ownDomain",
                "alerts.rankDrop.places", "alerts.competitorOvertakes.competitor", "alerts.priceChange.percent");
        JsonResponse tooMany = send("POST", base() + TRACKERS, "{\"keyword\":\"tents\",\"competitors\":["
                + String.join(",", IntStream.rangeClosed(1, 11).mapToObj(i -> "\"c" + i + ".com\"")
                        .toList())
                + "]}", user.bearer());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("errors").findValuesAsString("field")).containsExactly("competitors");
        assertThat(send("POST", base() + TRACKERS, "{\"keyword\":\"   \"}", user.bearer()).status()).isEqualTo(400);
        assertThat(send("POST", base() + TRACKERS, "{\"keyword\":[1]}", user.bearer()).status()).isEqualTo(400);
        assertThat(send("GET", base() + TRACKERS, null, user.bearer()).body().path("items").size()).isZero();
    }

    @Test
    void anAccountHasAtMostTheConfiguredNumberOfTrackers() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        for (int i = 0; i < settings.maxTrackersPerUser(); i++) {
            assertThat(send("POST", base() + TRACKERS, "{\"keyword\":\"keyword " + i + "\"}", user.bearer()).status())
                    .isEqualTo(201);
        }

        JsonResponse refused = send("POST", base() + TRACKERS, "{\"keyword\":\"one too many\"}", user.bearer());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("type").asString()).isEqualTo("urn:problem-type:tracker-limit-reached");
        assertThat(refused.body().path("limit").asInt()).isEqualTo(settings.maxTrackersPerUser());
        assertThat(send("GET", base() + TRACKERS, null, user.bearer()).body().path("items").size())
                .isEqualTo(settings.maxTrackersPerUser());
    }

    @Test
    void theHistoryHoldsEveryRefreshNewestFirstAndCanBeBounded() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = createTracker(user, "{\"keyword\":\"trail shoes\",\"competitors\":[\"acme.com\"]}");
        firstRankingOf(user, id);

        JsonResponse refreshed = send("POST", base() + TRACKERS + "/" + id + "/refresh", null, user.bearer());
        send("POST", base() + TRACKERS + "/" + id + "/refresh", null, user.bearer());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body().path("refreshes").asInt()).isEqualTo(2);
        JsonNode history = send("GET", base() + TRACKERS + "/" + id + "/rankings", null, user.bearer()).body();
        assertThat(history.path("items").size()).isEqualTo(3);
        List<Instant> times = history.path("items").findValuesAsString("at").stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(history.path("items").findValuesAsString("source")).containsOnly("sample");
        assertThat(send("GET", base() + TRACKERS + "/" + id + "/rankings?limit=2", null, user.bearer()).body()
                .path("items").size()).isEqualTo(2);
        assertThat(send("GET", base() + TRACKERS + "/" + id + "/rankings?limit=0", null, user.bearer()).status())
                .isEqualTo(400);
    }

    @Test
    void alertRulesAreReplacedAndValidatedAgainstTheTrackersCompetitors() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = createTracker(user, "{\"keyword\":\"rain jacket\",\"competitors\":[\"acme.com\"]}");

        JsonResponse replaced = send("PUT", base() + TRACKERS + "/" + id + "/alerts",
                "{\"rankDrop\":{\"places\":3},\"competitorOvertakes\":{\"competitor\":\"acme.com\"},"
                        + "\"priceChange\":{\"percent\":12.5}}", user.bearer());

        assertThat(replaced.status()).isEqualTo(200);
        JsonNode alerts = send("GET", base() + TRACKERS + "/" + id, null, user.bearer()).body().path("alerts");
        assertThat(alerts.path("rankDrop").path("places").asInt()).isEqualTo(3);
        assertThat(alerts.path("competitorOvertakes").path("competitor").asString()).isEqualTo("acme.com");
        assertThat(alerts.path("priceChange").path("percent").decimalValue()).isEqualByComparingTo("12.5");
        JsonResponse invalid = send("PUT", base() + TRACKERS + "/" + id + "/alerts",
                "{\"competitorOvertakes\":{\"competitor\":\"other.com\"}}", user.bearer());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsString("field"))
                .containsExactly("competitorOvertakes.competitor");
    }

    @Test
    void anotherUsersTrackerIsNotFoundByAnyOfItsEndpoints() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser other = TestUsers.signUpAndLogIn(base());
        String id = createTracker(owner, "{\"keyword\":\"tent\"}");
        String tracker = base() + TRACKERS + "/" + id;

        assertThat(send("GET", tracker, null, other.bearer()).status()).isEqualTo(404);
        assertThat(send("GET", tracker + "/rankings", null, other.bearer()).status()).isEqualTo(404);
        assertThat(send("POST", tracker + "/refresh", null, other.bearer()).status()).isEqualTo(404);
        assertThat(send("PUT", tracker + "/alerts", "{\"rankDrop\":{\"places\":1}}", other.bearer()).status())
                .isEqualTo(404);
        assertThat(send("DELETE", tracker, null, other.bearer()).status()).isEqualTo(404);
        assertThat(send("GET", base() + TRACKERS, null, other.bearer()).body().path("items").size()).isZero();
        assertThat(send("GET", tracker, null, owner.bearer()).status()).isEqualTo(200);
        assertThat(research.ownsTracker(owner.id(), id)).isTrue();
        assertThat(research.ownsTracker(other.id(), id)).isFalse();
        assertThat(research.ownsTracker(owner.id(), "no-such-tracker")).isFalse();
    }

    @Test
    void ofTwoInstancesClaimingTheSameDueTrackerOnlyOneWins() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = createTracker(user, "{\"keyword\":\"sleeping bag\"}");
        firstRankingOf(user, id);
        Tracker seenByOne = trackers.find(Tracker.key(user.id(), id)).orElseThrow();
        Tracker seenByOther = trackers.find(Tracker.key(user.id(), id)).orElseThrow();

        assertThat(refresh.claim(seenByOne)).isTrue();
        assertThat(refresh.claim(seenByOther)).isFalse();
    }

    @Test
    void aFailingRefreshIsShownOnItsTrackerAndTheSweepGoesOnWithTheOthers() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String failing = createTracker(user, "{\"keyword\":\"unavailable keyword\"}");
        String working = createTracker(user, "{\"keyword\":\"available keyword\"}");
        firstRankingOf(user, failing);
        firstRankingOf(user, working);
        SampleRankingProvider sample = new SampleRankingProvider(settings.sample().bucket());
        TrackerRefresh withFailures = new TrackerRefresh(trackers, query -> {
            if (query.keyword().equals("unavailable keyword")) {
                throw new RankingUnavailable("The ranking API answered 503.");
            }
            return sample.rank(query);
        }, json, settings, events, clock);

        withFailures.refreshDue(clock.instant().plus(settings.refreshInterval()).plusSeconds(60));

        JsonNode failed = send("GET", base() + TRACKERS + "/" + failing, null, user.bearer()).body();
        assertThat(failed.path("lastError").asString()).isEqualTo("The ranking API answered 503.");
        assertThat(failed.path("refreshes").asInt()).isEqualTo(1);
        assertThat(failed.path("latest").isObject()).as("the last good ranking is kept").isTrue();
        JsonNode refreshed = send("GET", base() + TRACKERS + "/" + working, null, user.bearer()).body();
        assertThat(refreshed.path("refreshes").asInt()).isEqualTo(2);
        assertThat(refreshed.path("lastError").isNull()).isTrue();
    }

    @Test
    void aRefreshOnDemandThatFailsIsAnsweredAsABadGateway() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = createTracker(user, "{\"keyword\":\"broken source\"}");
        firstRankingOf(user, id);
        TrackerRefresh failing = new TrackerRefresh(trackers, query -> {
            throw new RankingUnavailable("The ranking API did not answer within its timeout.");
        }, json, settings, events, clock);

        assertThatThrownBy(() -> failing.refresh(user.id(), id, clock.instant()))
                .isInstanceOf(RankingUnavailable.class)
                .satisfies(e -> assertThat(((RankingUnavailable) e).getStatusCode().value()).isEqualTo(502));
        assertThat(send("GET", base() + TRACKERS + "/" + id, null, user.bearer()).body().path("lastError").asString())
                .contains("timeout");
    }

    @Test
    void everyTrackerEndpointIsInTheOpenApiDocumentSoTheFuzzTestsReachIt() {
        JsonNode paths = send("GET", base() + "/v3/api-docs").body().path("paths");

        assertThat(paths.path(TRACKERS).has("get")).isTrue();
        assertThat(paths.path(TRACKERS).has("post")).isTrue();
        assertThat(paths.path(TRACKERS + "/{id}").has("get")).isTrue();
        assertThat(paths.path(TRACKERS + "/{id}").has("delete")).isTrue();
        assertThat(paths.path(TRACKERS + "/{id}/rankings").has("get")).isTrue();
        assertThat(paths.path(TRACKERS + "/{id}/alerts").has("put")).isTrue();
        assertThat(paths.path(TRACKERS + "/{id}/refresh").has("post")).isTrue();
    }

    private String createTracker(TestUser user, String body) {
        JsonResponse created = send("POST", base() + TRACKERS, body, user.bearer());
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    /** The tracker once the scheduled refresh has given it its first ranking. */
    private JsonNode firstRankingOf(TestUser user, String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> send("GET", base() + TRACKERS + "/" + id, null, user.bearer()).body(),
                tracker -> tracker.path("refreshes").asInt() >= 1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
