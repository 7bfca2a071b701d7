package app.research;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A tracker's alert rule fired on a refresh; raised once per change, not again while the state stays the same.
 *
 * @param rule {@code rankDrop}, {@code competitorOvertakes} or {@code priceChange}
 * @param competitor the competitor concerned, or {@code null} for the user's own rank
 * @param previous the figure before: a position, or a price for {@code priceChange}; {@code null} when there was none
 * @param current the figure now; {@code null} when no longer ranked
 * @param message what happened, in a sentence for the user
 * @param source where the figures come from ({@code sample}: generated, not real data)
 */
@Externalized("research.market.alert")
public record MarketAlertRaised(UUID eventId, String trackerId, String userId, String keyword, String rule,
        String competitor, BigDecimal previous, BigDecimal current, String message, Instant at, String source) {
}
