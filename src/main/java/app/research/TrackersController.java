package app.research;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;
import app.platform.web.PageRequest;

/**
 * The caller's keyword trackers. Every answer that carries rankings says where they come from ({@code source}:
 * {@code sample} means generated figures, not real data).
 */
@RestController
@RequestMapping("/api/v1/research/trackers")
class TrackersController {

    private final ResearchManagement research;

    TrackersController(ResearchManagement research) {
        this.research = research;
    }

    /**
     * A tracker with its latest ranking.
     *
     * @param source where this tracker's rankings come from
     * @param latest the latest ranking, or {@code null} before the first refresh
     * @param lastError why the last refresh failed, or {@code null} when it succeeded
     */
    record TrackerView(String id, String keyword, String ownDomain, List<String> competitors, AlertRules alerts,
            String source, RankingSnapshot latest, long refreshes, Instant nextRefreshAt, String lastError,
            Instant lastErrorAt, Instant createdAt) {
    }

    record TrackerList(List<TrackerView> items, String source) {
    }

    @PostMapping
    ResponseEntity<TrackerView> create(CurrentUser caller, @RequestBody ResearchManagement.NewTracker request) {
        Tracker tracker = research.create(caller.id(), request);
        return ResponseEntity.created(URI.create("/api/v1/research/trackers/" + tracker.getId())).body(view(tracker));
    }

    /** The caller's trackers, newest first. */
    @GetMapping
    TrackerList trackers(CurrentUser caller) {
        return new TrackerList(research.list(caller.id()).stream().map(this::view).toList(), research.source());
    }

    @GetMapping("/{id}")
    TrackerView tracker(CurrentUser caller, @PathVariable String id) {
        return view(research.get(caller.id(), id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser caller, @PathVariable String id) {
        research.delete(caller.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Replaces the alert rules: {@code rankDrop}, {@code competitorOvertakes}, {@code priceChange}, each optional. */
    @PutMapping("/{id}/alerts")
    TrackerView alerts(CurrentUser caller, @PathVariable String id, @RequestBody AlertRules alerts) {
        return view(research.replaceAlerts(caller.id(), id, alerts));
    }

    /** The ranking history, newest first; {@code limit} (default 20, at most 100) bounds it. */
    @GetMapping("/{id}/rankings")
    Page<RankingSnapshot> rankings(CurrentUser caller, @PathVariable String id, PageRequest page) {
        return new Page<>(research.rankings(caller.id(), id, page.limit()), null);
    }

    /** Refreshes the ranking now; {@code 502} with {@code ranking-unavailable} when the ranking source fails. */
    @PostMapping("/{id}/refresh")
    TrackerView refresh(CurrentUser caller, @PathVariable String id) {
        return view(research.refreshNow(caller.id(), id));
    }

    private TrackerView view(Tracker tracker) {
        return new TrackerView(tracker.getId(), tracker.getKeyword(), tracker.getOwnDomain(),
                tracker.getCompetitors(), research.alerts(tracker), research.source(),
                research.latest(tracker).orElse(null), tracker.getRefreshes(), tracker.getNextRefreshAt(),
                tracker.getLastError(), tracker.getLastErrorAt(), tracker.getCreatedAt());
    }
}
