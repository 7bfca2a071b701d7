package app.platform.installation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.ItemConflict;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Records every start of the application in the platform table (instances starting together race through optimistic
 * locking and retry) and contributes the installation to {@code /actuator/info}.
 */
@Component
class Installations extends DynamoRepository<Installation> implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(Installations.class);
    private static final Key KEY = Key.builder().partitionValue(Installation.KEY).sortValue(Installation.KEY).build();
    private static final int ATTEMPTS = 5;

    private final Clock clock;

    Installations(DynamoDbPlatform platform, Clock clock) {
        super(platform, "platform", TableSchema.fromBean(Installation.class));
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    void recordStart() {
        for (int attempt = 1; ; attempt++) {
            try {
                Installation installation = find(KEY)
                        .map(existing -> {
                            existing.recordStart(clock.instant());
                            return existing;
                        })
                        .orElseGet(() -> Installation.firstStart(UUID.randomUUID().toString(), clock.instant()));
                save(installation);
                log.info("Installation {} (start {} since {})", installation.getInstallationId(),
                        installation.getStarts(), installation.getFirstStartedAt());
                return;
            }
            catch (ItemConflict raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    Optional<Installation> current() {
        return find(KEY);
    }

    @Override
    public void contribute(Info.Builder builder) {
        current().ifPresent(installation -> builder.withDetail("installation", java.util.Map.of(
                "id", installation.getInstallationId(),
                "firstStartedAt", installation.getFirstStartedAt().toString(),
                "lastStartedAt", installation.getLastStartedAt().toString(),
                "starts", installation.getStarts())));
    }
}
