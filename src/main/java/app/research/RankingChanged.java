package app.research;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A tracker's refresh found positions other than the previous ranking's (the first ranking of a tracker counts as a
 * change, with no previous one), for live pages.
 *
 * @param previous the ranking before, or {@code null} for a tracker's first
 * @param source where the figures come from ({@code sample}: generated, not real data)
 */
@Externalized("research.ranking.changed")
public record RankingChanged(UUID eventId, String trackerId, String userId, String keyword, Ranking previous,
        Ranking current, Instant at, String source) {

    /**
     * @param ownPosition the user's own position (1 is best), or {@code null} when not ranked
     */
    public record Ranking(Integer ownPosition, List<Competitor> competitors) {
    }

    /**
     * @param position {@code null} when not ranked
     * @param price {@code null} when unknown
     */
    public record Competitor(String name, Integer position, BigDecimal price) {
    }
}
