package app.studio;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** A user reached 80 % or 100 % of the month's generations; the notification stream warns them. */
@Externalized("ai.usage.limit.reached")
public record QuotaUsageReached(UUID eventId, String owner, String month, int used, int limit, int percent) {
}
