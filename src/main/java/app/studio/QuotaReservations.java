package app.studio;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reserves a generation's unit of the month's quota before the generation is created, and gives it back by
 * compensation. Each change is a versioned write of the quota item, retried when another request won the race, so
 * concurrent requests never overspend. See {@link Quota} for how a crash between reservation and generation is
 * settled.
 */
@Component
class QuotaReservations {

    private final Quotas quotas;
    private final Generations generations;
    private final StudioProfiles profiles;
    private final StudioSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuotaReservations(Quotas quotas, Generations generations, StudioProfiles profiles, StudioSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.quotas = quotas;
        this.generations = generations;
        this.profiles = profiles;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    static String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC)).toString();
    }

    /** Reserves one unit for this generation; {@link QuotaExceeded} when the month's quota is used up. */
    String reserve(String owner, String generationId) {
        Instant now = clock.instant();
        String month = monthOf(now);
        int limit = settings.limitFor(profiles.find(StudioProfile.key(owner)).map(StudioProfile::getPlan)
                .orElse("free"));
        quotas.updateOrCreate(Quota.key(owner, month), () -> Quota.empty(owner, month),
                quota -> reserveIn(quota, generationId, limit, now));
        return month;
    }

    /** Gives a failed generation's unit back, once per failure event. */
    void giveBack(String owner, String month, UUID failureEventId) {
        quotas.updateIfChanged(Quota.key(owner, month), quota -> {
            if (quotas.hasHandled(quota, failureEventId)) {
                return false;
            }
            quota.release();
            quota.markHandled(failureEventId);
            return true;
        });
    }

    private void reserveIn(Quota quota, String generationId, int limit, Instant now) {
        for (String pending : quota.pendingBefore(now.minus(settings.abandonedReservationAge()))) {
            quota.settle(pending, generations.find(Generation.key(quota.getOwner(), pending)).isPresent());
        }
        if (limit >= 0 && quota.getUsed() >= limit) {
            throw new QuotaExceeded(limit, resetOf(quota.getMonth()), now);
        }
        quota.reserve(generationId, now);
        warnWhenCrossing(quota, limit);
    }

    private void warnWhenCrossing(Quota quota, int limit) {
        if (limit <= 0) {
            return;
        }
        for (int percent : new int[] { 80, 100 }) {
            int threshold = (int) Math.ceil(limit * percent / 100.0);
            if (quota.getUsed() == threshold) {
                events.publishEvent(new QuotaUsageReached(UUID.randomUUID(), quota.getOwner(), quota.getMonth(),
                        quota.getUsed(), limit, percent));
            }
        }
    }

    private static Instant resetOf(String month) {
        return YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
