package app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.research.AlertRules.Alert;
import app.research.AlertRules.CompetitorOvertakes;
import app.research.AlertRules.PriceChange;
import app.research.AlertRules.RankDrop;
import app.research.RankingSnapshot.CompetitorRanking;

/** Each market alert rule fires on the change it watches for, and only once per change. */
class AlertRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aRankDropOfAtLeastTheGivenPlacesFires() {
        AlertRules rules = new AlertRules(new RankDrop(3), null, null);

        List<Alert> alerts = rules.evaluate(ranking(4), ranking(7));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("rankDrop");
            assertThat(alert.previous()).isEqualByComparingTo("4");
            assertThat(alert.current()).isEqualByComparingTo("7");
            assertThat(alert.message()).contains("from #4 to #7");
        });
    }

    @Test
    void aSmallerDropOrARiseDoesNotFireTheRankDropRule() {
        AlertRules rules = new AlertRules(new RankDrop(3), null, null);

        assertThat(rules.evaluate(ranking(4), ranking(6))).isEmpty();
        assertThat(rules.evaluate(ranking(7), ranking(2))).isEmpty();
    }

    @Test
    void fallingOutOfTheResultsIsARankDrop() {
        AlertRules rules = new AlertRules(new RankDrop(10), null, null);

        assertThat(rules.evaluate(ranking(4), ranking(null))).singleElement()
                .satisfies(alert -> assertThat(alert.current()).isNull());
    }

    @Test
    void aCompetitorMovingAheadOfTheUserFires() {
        AlertRules rules = new AlertRules(null, new CompetitorOvertakes(null), null);

        List<Alert> alerts = rules.evaluate(ranking(3, competitor("acme.com", 5, null)),
                ranking(3, competitor("acme.com", 2, null)));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("competitorOvertakes");
            assertThat(alert.competitor()).isEqualTo("acme.com");
            assertThat(alert.current()).isEqualByComparingTo("2");
        });
    }

    @Test
    void aCompetitorThatStaysBehindOrWasAlreadyAheadDoesNotFire() {
        AlertRules rules = new AlertRules(null, new CompetitorOvertakes(null), null);

        assertThat(rules.evaluate(ranking(3, competitor("acme.com", 5, null)),
                ranking(3, competitor("acme.com", 4, null)))).isEmpty();
        assertThat(rules.evaluate(ranking(3, competitor("acme.com", 2, null)),
                ranking(4, competitor("acme.com", 1, null)))).isEmpty();
    }

    @Test
    void aNamedCompetitorRuleWatchesOnlyThatCompetitor() {
        AlertRules rules = new AlertRules(null, new CompetitorOvertakes("Acme.com"), null);

        List<Alert> alerts = rules.evaluate(
                ranking(3, competitor("acme.com", 5, null), competitor("globex.com", 6, null)),
                ranking(3, competitor("acme.com", 1, null), competitor("globex.com", 2, null)));

        assertThat(alerts).extracting(Alert::competitor).containsExactly("acme.com");
    }

    @Test
    void aPriceChangeOfAtLeastThePercentageFiresEitherWay() {
        AlertRules rules = new AlertRules(null, null, new PriceChange(new BigDecimal("10")));

        List<Alert> alerts = rules.evaluate(
                ranking(3, competitor("acme.com", 5, "100.00"), competitor("globex.com", 6, "50.00")),
                ranking(3, competitor("acme.com", 5, "110.00"), competitor("globex.com", 6, "40.00")));

        assertThat(alerts).extracting(Alert::competitor).containsExactly("acme.com", "globex.com");
        assertThat(alerts.getFirst().message()).contains("rose 10.0 %");
        assertThat(alerts.get(1).message()).contains("fell 20.0 %");
    }

    @Test
    void aPriceChangeBelowThePercentageOrWithoutAKnownPriceDoesNotFire() {
        AlertRules rules = new AlertRules(null, null, new PriceChange(new BigDecimal("10")));

        assertThat(rules.evaluate(ranking(3, competitor("acme.com", 5, "100.00")),
                ranking(3, competitor("acme.com", 5, "109.99")))).isEmpty();
        assertThat(rules.evaluate(ranking(3, competitor("acme.com", 5, null)),
                ranking(3, competitor("acme.com", 5, "200.00")))).isEmpty();
    }

    @Test
    void anUnchangedStateRaisesNothingAgain() {
        AlertRules rules = new AlertRules(new RankDrop(1), new CompetitorOvertakes(null),
                new PriceChange(new BigDecimal("1")));
        RankingSnapshot before = ranking(2, competitor("acme.com", 5, "100.00"));
        RankingSnapshot after = ranking(9, competitor("acme.com", 1, "150.00"));

        assertThat(rules.evaluate(before, after)).extracting(Alert::rule)
                .containsExactlyInAnyOrder("rankDrop", "competitorOvertakes", "priceChange");
        assertThat(rules.evaluate(after, after)).isEmpty();
    }

    @Test
    void aFirstRankingOrNoRulesRaiseNothing() {
        AlertRules rules = new AlertRules(new RankDrop(1), new CompetitorOvertakes(null),
                new PriceChange(BigDecimal.ONE));

        assertThat(rules.evaluate(null, ranking(50, competitor("acme.com", 1, "1.00")))).isEmpty();
        assertThat(AlertRules.none().evaluate(ranking(1, competitor("acme.com", 9, "1.00")),
                ranking(50, competitor("acme.com", 1, "9.00")))).isEmpty();
    }

    private static RankingSnapshot ranking(Integer own, CompetitorRanking... competitors) {
        return new RankingSnapshot(NOW, "sample", own, List.of(competitors));
    }

    private static CompetitorRanking competitor(String name, Integer position, String price) {
        return new CompetitorRanking(name, position, price == null ? null : new BigDecimal(price));
    }
}
