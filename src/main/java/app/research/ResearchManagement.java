package app.research;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;
import app.platform.web.NotFound;

/**
 * The research module's entry point: users' keyword trackers with their competitors, ranking history and market
 * alert rules. Other code asks it whether a user owns a tracker (e.g. before subscribing them to its live updates);
 * everything else is reached through the API and the module's events.
 */
@Service
public class ResearchManagement {

    static final int MAX_KEYWORD = 100;
    static final int MAX_COMPETITORS = 10;
    static final int MAX_NAME = 100;
    static final int MAX_PLACES = 100;
    static final int MAX_PERCENT = 1000;
    /** A domain or a name: letters and digits, with dots, spaces, {@code & ' _ -} inside. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .&'_-]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Trackers trackers;
    private final TrackerRefresh refresh;
    private final TrackerJson json;
    private final ResearchSettings settings;
    private final Clock clock;

    ResearchManagement(Trackers trackers, TrackerRefresh refresh, TrackerJson json, ResearchSettings settings,
            Clock clock) {
        this.trackers = trackers;
        this.refresh = refresh;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the user has a tracker with this id (a deleted one, or another user's, is not theirs). */
    public boolean ownsTracker(String userId, String trackerId) {
        if (userId == null || trackerId == null || userId.isBlank() || trackerId.isBlank()) {
            return false;
        }
        return trackers.find(Tracker.key(userId, trackerId)).isPresent();
    }

    /** A tracker to create; {@code alerts} may be {@code null} (no rules). */
    record NewTracker(String keyword, List<String> competitors, String ownDomain, AlertRules alerts) {
    }

    /**
     * Creates a tracker, due for its first refresh at once.
     *
     * @throws InvalidInput for a bad keyword, competitor list, own domain or alert rule
     * @throws TrackerLimitReached when the user already has the most trackers an account may have
     */
    Tracker create(String owner, NewTracker request) {
        List<FieldError> errors = new ArrayList<>();
        String keyword = keyword(request.keyword(), errors);
        List<String> competitors = competitors(request.competitors(), errors);
        String ownDomain = ownDomain(request.ownDomain(), errors);
        AlertRules alerts = request.alerts() == null ? AlertRules.none() : request.alerts();
        alertErrors(alerts, competitors, "alerts.", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (trackers.allOf(owner).size() >= settings.maxTrackersPerUser()) {
            throw new TrackerLimitReached(settings.maxTrackersPerUser());
        }
        Tracker tracker = Tracker.of(UUID.randomUUID().toString(), owner, keyword, ownDomain, competitors,
                json.write(alerts), clock.instant());
        trackers.create(tracker);
        return tracker;
    }

    List<Tracker> list(String owner) {
        return trackers.allOf(owner);
    }

    Tracker get(String owner, String id) {
        return trackers.find(Tracker.key(owner, id)).orElseThrow(() -> notFound(id));
    }

    void delete(String owner, String id) {
        get(owner, id);
        trackers.delete(Tracker.key(owner, id));
    }

    /** Replaces the tracker's alert rules; they apply from its next refresh. */
    Tracker replaceAlerts(String owner, String id, AlertRules alerts) {
        AlertRules rules = alerts == null ? AlertRules.none() : alerts;
        return trackers.update(Tracker.key(owner, id), tracker -> {
            List<FieldError> errors = new ArrayList<>();
            alertErrors(rules, tracker.getCompetitors(), "", errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            tracker.setAlerts(json.write(rules));
        }).orElseThrow(() -> notFound(id));
    }

    /** The tracker's rankings, newest first, at most {@code limit}. */
    List<RankingSnapshot> rankings(String owner, String id, int limit) {
        List<RankingSnapshot> history = new ArrayList<>(json.history(get(owner, id)));
        return history.reversed().stream().limit(limit).toList();
    }

    /** The tracker's latest ranking, if it has one. */
    Optional<RankingSnapshot> latest(Tracker tracker) {
        List<RankingSnapshot> history = json.history(tracker);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    AlertRules alerts(Tracker tracker) {
        return json.alerts(tracker);
    }

    /** Refreshes the tracker now; a provider failure is recorded on the tracker and answered 502. */
    Tracker refreshNow(String owner, String id) {
        return refresh.refresh(owner, id, clock.instant()).orElseThrow(() -> notFound(id));
    }

    /** The source the tracker's rankings come from, e.g. {@code sample}. */
    String source() {
        return settings.provider().name().toLowerCase(Locale.ROOT);
    }

    private static NotFound notFound(String id) {
        return new NotFound("No tracker " + id);
    }

    private static String keyword(String keyword, List<FieldError> errors) {
        String stripped = keyword == null ? "" : keyword.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_KEYWORD || CONTROL.matcher(stripped).find()) {
            errors.add(new FieldError("keyword", "must be 1 to " + MAX_KEYWORD + " characters, without control"
                    + " characters"));
        }
        return stripped;
    }

    private static List<String> competitors(List<String> competitors, List<FieldError> errors) {
        if (competitors == null) {
            return List.of();
        }
        if (competitors.size() > MAX_COMPETITORS) {
            errors.add(new FieldError("competitors", "at most " + MAX_COMPETITORS + " competitors"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < competitors.size(); i++) {
            String name = competitors.get(i) == null ? "" : competitors.get(i).strip();
            if (!isName(name)) {
                errors.add(new FieldError("competitors[" + i + "]", "must be a domain or name of 1 to " + MAX_NAME
                        + " letters, digits, spaces and . & ' _ -"));
            }
            else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("competitors[" + i + "]", "is listed twice"));
            }
            names.add(name);
        }
        return names;
    }

    private static String ownDomain(String ownDomain, List<FieldError> errors) {
        if (ownDomain == null || ownDomain.isBlank()) {
            return null;
        }
        String name = ownDomain.strip();
        if (!isName(name)) {
            errors.add(new FieldError("ownDomain", "must be a domain or name of 1 to " + MAX_NAME
                    + " letters, digits, spaces and . & ' _ -"));
        }
        return name;
    }

    private static boolean isName(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    private static void alertErrors(AlertRules alerts, List<String> competitors, String prefix,
            List<FieldError> errors) {
        if (alerts.rankDrop() != null && (alerts.rankDrop().places() < 1 || alerts.rankDrop().places() > MAX_PLACES)) {
            errors.add(new FieldError(prefix + "rankDrop.places", "must be from 1 to " + MAX_PLACES));
        }
        if (alerts.competitorOvertakes() != null && alerts.competitorOvertakes().competitor() != null
                && competitors.stream().noneMatch(alerts.competitorOvertakes().competitor()::equalsIgnoreCase)) {
            errors.add(new FieldError(prefix + "competitorOvertakes.competitor", "must be one of the tracker's"
                    + " competitors, or left out for any"));
        }
        if (alerts.priceChange() != null && (alerts.priceChange().percent() == null
                || alerts.priceChange().percent().signum() <= 0
                || alerts.priceChange().percent().compareTo(BigDecimal.valueOf(MAX_PERCENT)) > 0)) {
            errors.add(new FieldError(prefix + "priceChange.percent", "must be more than 0 and at most "
                    + MAX_PERCENT));
        }
    }
}
