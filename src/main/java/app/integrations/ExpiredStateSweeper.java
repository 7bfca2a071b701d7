package app.integrations;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes pending authorizations whose user never came back from the provider, once their state has expired: every
 * {@code app.integrations.state-sweep-interval} from the {@code state-expiry} index (the local engine has no TTL).
 */
@Component
class ExpiredStateSweeper {

    private static final Logger log = LoggerFactory.getLogger(ExpiredStateSweeper.class);

    private final PendingAuthorizations pending;
    private final IntegrationsSettings settings;
    private final Clock clock;

    ExpiredStateSweeper(PendingAuthorizations pending, IntegrationsSettings settings, Clock clock) {
        this.pending = pending;
        this.settings = settings;
        this.clock = clock;
    }

    /** Removes the expired pending authorizations; answers how many. */
    int sweep() {
        Instant now = clock.instant();
        int removed = 0;
        for (String shard : PendingAuthorization.expiryShards()) {
            for (PendingAuthorization expired : pending.expiredBefore(shard, now, settings.refreshBatch())) {
                pending.remove(expired);
                removed++;
            }
        }
        return removed;
    }

    @Scheduled(initialDelayString = "${app.integrations.state-sweep-interval:1m}",
            fixedDelayString = "${app.integrations.state-sweep-interval:1m}")
    void sweepRegularly() {
        try {
            sweep();
        }
        catch (RuntimeException e) {
            log.warn("Sweep of expired authorization states failed; retrying at the next interval: {}", e.toString());
        }
    }
}
