package app.studio;

import java.util.UUID;

/** A user reached 80 % or 100 % of the month's generations; the notification stream warns them. */
public record QuotaUsageReached(UUID eventId, String owner, String month, int used, int limit, int percent) {
}
