package app.research;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the research module's events once their transaction has committed, for tests to look for. */
@Component
class RecordedResearchEvents {

    final List<RankingChanged> rankingChanges = new CopyOnWriteArrayList<>();
    final List<MarketAlertRaised> alerts = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(fallbackExecution = true)
    void on(RankingChanged event) {
        rankingChanges.add(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MarketAlertRaised event) {
        alerts.add(event);
    }

    List<RankingChanged> rankingChangesOf(String trackerId) {
        return rankingChanges.stream().filter(event -> event.trackerId().equals(trackerId)).toList();
    }

    List<MarketAlertRaised> alertsOf(String trackerId) {
        return alerts.stream().filter(event -> event.trackerId().equals(trackerId)).toList();
    }
}
