package app.integrations;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes access tokens before they expire: every {@code app.integrations.refresh-sweep-interval} it reads the
 * connections whose token expires within {@code app.integrations.refresh-margin} from the sparse {@code refresh}
 * index (never a scan) and refreshes each one.
 */
@Component
class TokenRefresher {

    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

    private final Connections connections;
    private final ConnectionManagement management;
    private final IntegrationsSettings settings;
    private final Clock clock;

    TokenRefresher(Connections connections, ConnectionManagement management, IntegrationsSettings settings,
            Clock clock) {
        this.connections = connections;
        this.management = management;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refreshes the due tokens; answers how many connections it looked at. */
    int refreshDue() {
        Instant horizon = clock.instant().plus(settings.refreshMargin());
        int seen = 0;
        for (String shard : Connection.refreshShards()) {
            for (Connection due : connections.expiringBefore(shard, horizon, settings.refreshBatch())) {
                seen++;
                try {
                    // The index is eventually consistent: act on the item as it is now.
                    connections.find(Connection.key(due.getOwner(), due.getProvider()))
                            .filter(Connection::isConnected)
                            .ifPresent(management::refresh);
                }
                catch (RuntimeException e) {
                    log.warn("Refresh of user {}'s token at {} failed ({}); next sweep", due.getOwner(),
                            due.getProvider(), e.toString());
                }
            }
        }
        return seen;
    }

    @Scheduled(initialDelayString = "${app.integrations.refresh-sweep-interval:1m}",
            fixedDelayString = "${app.integrations.refresh-sweep-interval:1m}")
    void refreshDueRegularly() {
        try {
            refreshDue();
        }
        catch (RuntimeException e) {
            log.warn("Token refresh sweep failed; retrying at the next interval: {}", e.toString());
        }
    }
}
