package app.research;

import java.util.regex.Pattern;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.platform.push.LiveMessages;
import app.platform.push.TopicAccess;

/**
 * Live research news: each tracker's topic {@code /topic/research/trackers/{id}}, which only its owner may subscribe
 * to, receives every ranking change ({@link RankingChanged} as JSON); each market alert also goes to the owner's
 * {@code /user/queue/alerts}. Both are sent once the refresh that found them has committed.
 */
@Component
class ResearchTopics implements TopicAccess {

    static final String PREFIX = "/topic/research/trackers/";
    static final String ALERTS = "/queue/alerts";
    private static final Pattern TRACKER_TOPIC = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z0-9-]{1,100})");

    private final ResearchManagement research;
    private final LiveMessages live;

    ResearchTopics(ResearchManagement research, LiveMessages live) {
        this.research = research;
        this.live = live;
    }

    @Override
    public boolean handles(String destination) {
        return destination.startsWith(PREFIX);
    }

    @Override
    public boolean maySubscribe(String userId, String destination) {
        var topic = TRACKER_TOPIC.matcher(destination);
        return topic.matches() && research.ownsTracker(userId, topic.group(1));
    }

    @Async
    @TransactionalEventListener
    void on(RankingChanged changed) {
        live.toTopic(PREFIX + changed.trackerId(), changed);
    }

    @Async
    @TransactionalEventListener
    void on(MarketAlertRaised alert) {
        live.toUser(alert.userId(), ALERTS, alert);
    }
}
