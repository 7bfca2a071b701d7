package app.research;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import app.platform.dynamodb.ItemConflict;
import app.platform.dynamodb.Page;
import app.platform.dynamodb.SortableTime;

/**
 * Refreshes trackers: asks the {@link RankingProvider}, appends the ranking to the tracker's history, and in the same
 * write publishes {@link RankingChanged} when positions moved and one {@link MarketAlertRaised} per alert rule that
 * fired. The sweep finds due trackers in the sparse refresh index and claims each one with a versioned write that
 * moves its next refresh past the claim timeout, so of several instances only one refreshes a tracker. A failed
 * refresh is recorded on its tracker (shown by the API) and the sweep goes on with the others.
 */
@Service
class TrackerRefresh {

    private static final Logger log = LoggerFactory.getLogger(TrackerRefresh.class);
    private static final int SWEEP_PAGE = 100;

    private final Trackers trackers;
    private final RankingProvider provider;
    private final TrackerJson json;
    private final ResearchSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrackerRefresh(Trackers trackers, RankingProvider provider, TrackerJson json, ResearchSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.trackers = trackers;
        this.provider = provider;
        this.json = json;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Refreshes the tracker now, with the ranking as of {@code at} (the current time, except in tests).
     *
     * @return the tracker after the refresh, or empty when it no longer exists
     * @throws RankingUnavailable when the provider failed; the failure is recorded on the tracker
     */
    Optional<Tracker> refresh(String owner, String id, Instant at) {
        Optional<Tracker> tracker = trackers.find(Tracker.key(owner, id));
        if (tracker.isEmpty()) {
            return Optional.empty();
        }
        RankingSnapshot snapshot;
        try {
            snapshot = provider.rank(queryOf(tracker.get(), at));
        }
        catch (RankingUnavailable failure) {
            recordFailure(owner, id, failure.getMessage());
            throw failure;
        }
        return record(owner, id, snapshot);
    }

    /**
     * Refreshes every tracker due at or before {@code asOf} that this instance manages to claim.
     *
     * @return how many trackers this instance refreshed or tried to
     */
    int refreshDue(Instant asOf) {
        int refreshed = 0;
        for (int shard = 0; shard < Tracker.SHARDS; shard++) {
            String cursor = null;
            do {
                Page<Tracker> page = trackers.dueBy(Tracker.SORT_PREFIX + shard, SortableTime.format(asOf), cursor,
                        SWEEP_PAGE);
                for (Tracker due : page.items()) {
                    if (claim(due)) {
                        refreshClaimed(due);
                        refreshed++;
                    }
                }
                cursor = page.nextCursor();
            }
            while (cursor != null);
        }
        return refreshed;
    }

    @Scheduled(initialDelayString = "${app.research.sweep-interval:1m}",
            fixedDelayString = "${app.research.sweep-interval:1m}")
    void refreshDueRegularly() {
        try {
            int refreshed = refreshDue(clock.instant());
            if (refreshed > 0) {
                log.info("Refreshed the rankings of {} tracker(s)", refreshed);
            }
        }
        catch (RuntimeException e) {
            log.warn("Tracker refresh sweep failed; retrying at the next interval: {}", e.toString());
        }
    }

    /**
     * Takes the tracker for this instance: one write over the version the index showed, moving its next refresh past
     * the claim timeout. Another instance that read the same version loses the write and leaves the tracker alone.
     */
    boolean claim(Tracker due) {
        due.scheduleRefresh(clock.instant().plus(settings.claimTimeout()));
        try {
            trackers.save(due);
            return true;
        }
        catch (ItemConflict claimedElsewhere) {
            return false;
        }
    }

    private void refreshClaimed(Tracker tracker) {
        try {
            record(tracker.getOwner(), tracker.getId(), provider.rank(queryOf(tracker, clock.instant())));
        }
        catch (RankingUnavailable failure) {
            log.warn("Refresh of tracker {} failed: {}", tracker.getId(), failure.getMessage());
            recordFailure(tracker.getOwner(), tracker.getId(), failure.getMessage());
        }
        catch (RuntimeException e) {
            log.warn("Refresh of tracker {} failed", tracker.getId(), e);
            recordFailure(tracker.getOwner(), tracker.getId(), "The refresh failed unexpectedly.");
        }
    }

    private static RankingQuery queryOf(Tracker tracker, Instant at) {
        return new RankingQuery(tracker.getKeyword(), tracker.getOwnDomain(), tracker.getCompetitors(), at);
    }

    /** Appends the ranking and publishes what it changed, in one write of the tracker (retried over a lost race). */
    private Optional<Tracker> record(String owner, String id, RankingSnapshot snapshot) {
        return trackers.update(Tracker.key(owner, id), tracker -> {
            List<RankingSnapshot> history = new ArrayList<>(json.history(tracker));
            RankingSnapshot previous = history.isEmpty() ? null : history.getLast();
            history.add(snapshot);
            while (history.size() > settings.historySize()) {
                history.removeFirst();
            }
            tracker.setHistory(json.write(history));
            tracker.setRefreshes(tracker.getRefreshes() + 1);
            tracker.setLastError(null);
            tracker.setLastErrorAt(null);
            tracker.scheduleRefresh(clock.instant().plus(settings.refreshInterval()));
            publishChanges(tracker, previous, snapshot);
        });
    }

    private void publishChanges(Tracker tracker, RankingSnapshot previous, RankingSnapshot current) {
        if (previous == null || current.positionsDifferFrom(previous)) {
            events.publishEvent(new RankingChanged(UUID.randomUUID(), tracker.getId(), tracker.getOwner(),
                    tracker.getKeyword(), rankingOf(previous), rankingOf(current), current.at(), current.source()));
        }
        for (AlertRules.Alert alert : json.alerts(tracker).evaluate(previous, current)) {
            events.publishEvent(new MarketAlertRaised(UUID.randomUUID(), tracker.getId(), tracker.getOwner(),
                    tracker.getKeyword(), alert.rule(), alert.competitor(), alert.previous(), alert.current(),
                    alert.message(), current.at(), current.source()));
        }
    }

    private static RankingChanged.Ranking rankingOf(RankingSnapshot snapshot) {
        return snapshot == null ? null : new RankingChanged.Ranking(snapshot.ownPosition(), snapshot.competitors()
                .stream().map(competitor -> new RankingChanged.Competitor(competitor.name(), competitor.position(),
                        competitor.price()))
                .toList());
    }

    private void recordFailure(String owner, String id, String reason) {
        trackers.update(Tracker.key(owner, id), tracker -> {
            Instant now = clock.instant();
            tracker.setLastError(reason);
            tracker.setLastErrorAt(now);
            tracker.scheduleRefresh(now.plus(settings.refreshInterval()));
        });
    }
}
