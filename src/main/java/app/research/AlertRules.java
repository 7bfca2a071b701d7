package app.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.research.RankingSnapshot.CompetitorRanking;

/**
 * A tracker's market alert rules, each off when {@code null}. They compare a new ranking with the one before it, so
 * a rule fires once per change: a state that stays the same (still dropped, still overtaken, same price) raises
 * nothing more.
 *
 * @param rankDrop the user's own position drops at least this many places (or out of the ranking)
 * @param competitorOvertakes a competitor (the named one, or any) moves ahead of the user
 * @param priceChange a competitor's price changes by at least this percentage, either way
 */
record AlertRules(RankDrop rankDrop, CompetitorOvertakes competitorOvertakes, PriceChange priceChange) {

    static final String RANK_DROP = "rankDrop";
    static final String COMPETITOR_OVERTAKES = "competitorOvertakes";
    static final String PRICE_CHANGE = "priceChange";

    static AlertRules none() {
        return new AlertRules(null, null, null);
    }

    /** @param places at least 1 */
    record RankDrop(int places) {
    }

    /** @param competitor one tracked competitor, or {@code null} for any */
    record CompetitorOvertakes(String competitor) {
    }

    /** @param percent more than 0 */
    record PriceChange(BigDecimal percent) {
    }

    /**
     * One firing.
     *
     * @param competitor the competitor concerned, or {@code null} for the user's own rank
     * @param previous the figure before (a position or a price; {@code null} when there was none)
     * @param current the figure now ({@code null}: no longer ranked)
     */
    record Alert(String rule, String competitor, BigDecimal previous, BigDecimal current, String message) {
    }

    /** The alerts that the change from {@code previous} to {@code current} raises, none without a previous ranking. */
    List<Alert> evaluate(RankingSnapshot previous, RankingSnapshot current) {
        List<Alert> alerts = new ArrayList<>();
        if (previous == null) {
            return alerts;
        }
        if (rankDrop != null) {
            rankDropped(previous, current).ifPresent(alerts::add);
        }
        if (competitorOvertakes != null) {
            alerts.addAll(overtaken(previous, current));
        }
        if (priceChange != null) {
            alerts.addAll(pricesChanged(previous, current));
        }
        return alerts;
    }

    private Optional<Alert> rankDropped(RankingSnapshot previous, RankingSnapshot current) {
        Integer before = previous.ownPosition();
        Integer now = current.ownPosition();
        if (before == null) {
            return Optional.empty();
        }
        if (now == null) {
            return Optional.of(new Alert(RANK_DROP, null, BigDecimal.valueOf(before), null,
                    "Your rank fell out of the results (was #" + before + ")."));
        }
        if (now - before >= rankDrop.places()) {
            return Optional.of(new Alert(RANK_DROP, null, BigDecimal.valueOf(before), BigDecimal.valueOf(now),
                    "Your rank dropped " + (now - before) + " places, from #" + before + " to #" + now + "."));
        }
        return Optional.empty();
    }

    private List<Alert> overtaken(RankingSnapshot previous, RankingSnapshot current) {
        List<Alert> alerts = new ArrayList<>();
        for (CompetitorRanking competitor : current.competitors()) {
            if (competitorOvertakes.competitor() != null
                    && !competitorOvertakes.competitor().equalsIgnoreCase(competitor.name())) {
                continue;
            }
            Optional<CompetitorRanking> before = previous.competitor(competitor.name());
            boolean wasAhead = before.map(was -> isAhead(was, previous.ownPosition())).orElse(false);
            if (!wasAhead && isAhead(competitor, current.ownPosition())) {
                alerts.add(new Alert(COMPETITOR_OVERTAKES, competitor.name(),
                        before.map(CompetitorRanking::position).map(BigDecimal::valueOf).orElse(null),
                        BigDecimal.valueOf(competitor.position()),
                        competitor.name() + " moved ahead of you, to #" + competitor.position()
                                + (current.ownPosition() == null ? "" : " (you: #" + current.ownPosition() + ")")
                                + "."));
            }
        }
        return alerts;
    }

    /** A ranked competitor is ahead of a user who is not ranked, or ranked lower. */
    private static boolean isAhead(CompetitorRanking competitor, Integer ownPosition) {
        return competitor.position() != null && (ownPosition == null || competitor.position() < ownPosition);
    }

    private List<Alert> pricesChanged(RankingSnapshot previous, RankingSnapshot current) {
        List<Alert> alerts = new ArrayList<>();
        for (CompetitorRanking competitor : current.competitors()) {
            BigDecimal before = previous.competitor(competitor.name()).map(CompetitorRanking::price).orElse(null);
            BigDecimal now = competitor.price();
            if (before == null || now == null || before.signum() <= 0) {
                continue;
            }
            BigDecimal percent = now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 4,
                    RoundingMode.HALF_UP);
            if (percent.abs().compareTo(priceChange.percent()) >= 0) {
                alerts.add(new Alert(PRICE_CHANGE, competitor.name(), before, now, competitor.name() + "'s price "
                        + (percent.signum() > 0 ? "rose " : "fell ")
                        + percent.abs().setScale(1, RoundingMode.HALF_UP).toPlainString()
                        + " %, from "
                        + before.toPlainString() + " to " + now.toPlainString() + "."));
            }
        }
        return alerts;
    }
}
