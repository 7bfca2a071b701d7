package app.research;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one ranking refresh of a tracker: where the user and each competitor rank for the keyword, and the
 * competitors' prices where the source knows them.
 *
 * @param at the time the ranking describes
 * @param source where the figures come from: {@code sample} (generated, not real data) or {@code http} (the
 *     configured ranking API)
 * @param ownPosition the user's own position (1 is best), or {@code null} when not ranked
 * @param competitors one entry per tracked competitor, in the tracker's order
 */
record RankingSnapshot(Instant at, String source, Integer ownPosition, List<CompetitorRanking> competitors) {

    RankingSnapshot {
        competitors = List.copyOf(competitors);
    }

    /**
     * @param position the competitor's position (1 is best), or {@code null} when not ranked
     * @param price its price, or {@code null} when unknown
     */
    record CompetitorRanking(String name, Integer position, BigDecimal price) {
    }

    Optional<CompetitorRanking> competitor(String name) {
        return competitors.stream().filter(competitor -> competitor.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Whether any position differs from the other snapshot's (prices aside). */
    boolean positionsDifferFrom(RankingSnapshot other) {
        if (!Objects.equals(ownPosition, other.ownPosition) || competitors.size() != other.competitors.size()) {
            return true;
        }
        for (CompetitorRanking competitor : competitors) {
            Integer before = other.competitor(competitor.name()).map(CompetitorRanking::position).orElse(null);
            if (!Objects.equals(before, competitor.position())) {
                return true;
            }
        }
        return false;
    }
}
