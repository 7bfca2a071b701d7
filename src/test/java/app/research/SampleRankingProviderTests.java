package app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The sample provider answers the same question in the same time bucket the same way, and drifts between buckets. */
class SampleRankingProviderTests {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private final SampleRankingProvider provider = new SampleRankingProvider(Duration.ofHours(1));

    @Test
    void theSameQueryInTheSameBucketGetsTheSameRanking() {
        RankingSnapshot first = provider.rank(query(START));
        RankingSnapshot again = new SampleRankingProvider(Duration.ofHours(1)).rank(query(START.plusSeconds(1800)));

        assertThat(again.ownPosition()).isEqualTo(first.ownPosition());
        assertThat(again.competitors()).isEqualTo(first.competitors());
        assertThat(first.source()).isEqualTo("sample");
        assertThat(first.competitors()).extracting(RankingSnapshot.CompetitorRanking::name)
                .containsExactly("acme.com", "Globex");
    }

    @Test
    void figuresDriftByAFewPlacesAndPercentBetweenBuckets() {
        Set<Integer> ownPositions = new HashSet<>();
        RankingSnapshot previous = provider.rank(query(START));
        for (int hour = 1; hour <= 48; hour++) {
            RankingSnapshot current = provider.rank(query(START.plus(Duration.ofHours(hour))));
            ownPositions.add(current.ownPosition());
            assertThat(current.ownPosition()).isBetween(1, 50);
            assertThat(Math.abs(current.ownPosition() - previous.ownPosition())).isLessThanOrEqualTo(6);
            BigDecimal before = previous.competitors().getFirst().price();
            BigDecimal now = current.competitors().getFirst().price();
            assertThat(now.subtract(before).abs().divide(before, 4, RoundingMode.HALF_UP))
                    .isLessThanOrEqualTo(new BigDecimal("0.23"));
            previous = current;
        }
        assertThat(ownPositions).as("the rank moves over two days").hasSizeGreaterThan(2);
    }

    @Test
    void otherKeywordsRankOtherwise() {
        Set<Integer> positions = new HashSet<>();
        for (String keyword : List.of("hiking boots", "trail shoes", "rain jacket", "tent", "sleeping bag")) {
            positions.add(provider.rank(new RankingQuery(keyword, "mine.com", List.of(), START)).ownPosition());
        }
        assertThat(positions).hasSizeGreaterThan(1);
    }

    private static RankingQuery query(Instant at) {
        return new RankingQuery("Hiking Boots", "mine.com", List.of("acme.com", "Globex"), at);
    }
}
