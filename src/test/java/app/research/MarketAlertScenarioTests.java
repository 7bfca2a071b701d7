package app.research;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A tracker with a rank-drop rule: a refresh in which the user's rank drops publishes {@code research.ranking.changed}
 * and {@code research.market.alert}, and the user finds a notice in the inbox; the same state again raises nothing.
 * The owner's STOMP session sees both live: the ranking on the tracker's topic, the alert on its alerts queue. The
 * rankings are the sample provider's, steered through the time each refresh describes.
 */
@PlatformIntegrationTest
class MarketAlertScenarioTests {

    private static final int PLACES = 2;

    @LocalServerPort
    int port;

    @Autowired
    TrackerRefresh refresh;

    @Autowired
    ResearchSettings settings;

    @Autowired
    RecordedResearchEvents recorded;

    @Test
    void aRankDropRaisesAMarketAlertOnceAndTheUserIsNotified() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String keyword = "alert " + UUID.randomUUID();
        String id = send("POST", base() + "/api/v1/research/trackers", """
                {"keyword": "%s", "competitors": ["acme.com"], "ownDomain": "mine.com",
                 "alerts": {"rankDrop": {"places": %d}}}""".formatted(keyword, PLACES), user.bearer())
                .body().path("id").asString();
        // The scheduled refresh gives the tracker its first ranking; the next is not due within the test.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> send("GET",
                base() + "/api/v1/research/trackers/" + id, null, user.bearer()).body().path("refreshes").asInt() >= 1);
        Drop drop = dropOfAtLeast(keyword, PLACES);
        StompTestClient live = StompTestClient.connect(port, user.accessToken());
        StompTestClient.Subscription rankings = live.subscribe("/topic/research/trackers/" + id);
        StompTestClient.Subscription liveAlerts = live.subscribe("/user/queue/alerts");

        refresh.refresh(user.id(), id, drop.before());
        int alertsBefore = recorded.alertsOf(id).size();
        refresh.refresh(user.id(), id, drop.after());

        List<MarketAlertRaised> alerts = await().atMost(Duration.ofSeconds(5))
                .until(() -> recorded.alertsOf(id), raised -> raised.size() > alertsBefore);
        MarketAlertRaised alert = alerts.getLast();
        assertThat(alert.rule()).isEqualTo("rankDrop");
        assertThat(alert.userId()).isEqualTo(user.id());
        assertThat(alert.keyword()).isEqualTo(keyword);
        assertThat(alert.previous()).isEqualByComparingTo(Integer.toString(drop.from()));
        assertThat(alert.current()).isEqualByComparingTo(Integer.toString(drop.to()));
        assertThat(alert.source()).isEqualTo("sample");
        RankingChanged changed = recorded.rankingChangesOf(id).getLast();
        assertThat(changed.previous().ownPosition()).isEqualTo(drop.from());
        assertThat(changed.current().ownPosition()).isEqualTo(drop.to());
        assertThat(changed.at()).isEqualTo(drop.after());

        JsonNode pushedRanking = rankings.await(message -> message.path("at").asString().equals(drop.after().toString()));
        assertThat(pushedRanking.path("trackerId").asString()).isEqualTo(id);
        assertThat(pushedRanking.path("current").path("ownPosition").asInt()).isEqualTo(drop.to());
        JsonNode pushedAlert = liveAlerts.await(message -> message.path("rule").asString().equals("rankDrop"));
        assertThat(pushedAlert.path("trackerId").asString()).isEqualTo(id);
        live.close();

        String figures = "from #" + drop.from() + " to #" + drop.to();
        JsonNode notice = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
                () -> inboxItem(user, "research.market.alert", figures), item -> !item.isMissingNode());
        assertThat(notice.path("title").asString()).contains(keyword);
        assertThat(notice.path("body").asString()).contains("Sample data");

        int alertsAfterTheDrop = recorded.alertsOf(id).size();
        int changesAfterTheDrop = recorded.rankingChangesOf(id).size();
        refresh.refresh(user.id(), id, drop.after());
        assertThat(recorded.alertsOf(id)).as("the same state raises no alert again").hasSize(alertsAfterTheDrop);
        assertThat(recorded.rankingChangesOf(id)).hasSize(changesAfterTheDrop);
    }

    /** Two times whose sample rankings of the keyword drop the user's rank by at least the given places. */
    private Drop dropOfAtLeast(String keyword, int places) {
        long bucket = settings.sample().bucket().toSeconds();
        String own = "own:mine.com";
        String lowerKeyword = keyword.toLowerCase(Locale.ROOT);
        for (long number = 1_000_000; number < 1_010_000; number++) {
            int from = SampleRankingProvider.position(lowerKeyword, own, number);
            int to = SampleRankingProvider.position(lowerKeyword, own, number + 1);
            if (to - from >= places) {
                return new Drop(Instant.ofEpochSecond(number * bucket), Instant.ofEpochSecond((number + 1) * bucket),
                        from, to);
            }
        }
        throw new IllegalStateException("No drop in ten thousand buckets");
    }

    private record Drop(Instant before, Instant after, int from, int to) {
    }

    /** The user's notice of this type whose body contains the text, or a missing node. */
    private JsonNode inboxItem(TestUser user, String type, String text) {
        for (JsonNode item : send("GET", base() + "/api/v1/notifications", null, user.bearer()).body().path("items")) {
            if (type.equals(item.path("type").asString()) && item.path("body").asString().contains(text)) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
