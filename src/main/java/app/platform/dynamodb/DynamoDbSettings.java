package app.platform.dynamodb;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * DynamoDB settings shared by every module. The endpoint itself is {@code app.dynamodb.endpoint} (unset: local
 * engines in development and tests, the regional endpoint in AWS).
 *
 * @param tablePrefix prefix of every table name, so several environments can share one account
 * @param createTables create missing tables and indexes at start-up from {@code dynamodb/tables/*.json}
 *     (local and test runs; in AWS the tables are declared by {@code deploy/})
 * @param cursorSecret key that signs pagination cursors, identical on every instance
 * @param healthTimeout how long the health check waits for DynamoDB before reporting it down
 * @param outboxGrace how old a transaction's outbox must be before the sweeper relays it (the committing instance
 *     relays its own within milliseconds; older ones were left by a crash)
 * @param outboxSweepInterval how often the sweeper looks for outboxes left by a crash
 * @param handledRetention how long the receipt of an event an aggregate handled is kept once its id left the item
 *     ({@link Aggregate}): a redelivery later than this is applied again. Longer than any redelivery, automatic (the
 *     event registry's retries end within an hour) or by an operator resubmitting failed publications; at least a
 *     day
 */
@Validated
@ConfigurationProperties("app.dynamodb")
public record DynamoDbSettings(
        @DefaultValue("app-") @Pattern(regexp = "[a-zA-Z0-9_.-]*") String tablePrefix,
        @DefaultValue("true") boolean createTables,
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String cursorSecret,
        @DefaultValue("2s") Duration healthTimeout,
        @DefaultValue("10s") Duration outboxGrace,
        @DefaultValue("30s") Duration outboxSweepInterval,
        @DefaultValue("8d") Duration handledRetention) {

    private static final Duration SHORTEST_HANDLED_RETENTION = Duration.ofDays(1);

    public DynamoDbSettings {
        if (handledRetention.compareTo(SHORTEST_HANDLED_RETENTION) < 0) {
            throw new IllegalArgumentException("app.dynamodb.handled-retention must be at least "
                    + SHORTEST_HANDLED_RETENTION.toDays() + " day (longer than any redelivery), not "
                    + handledRetention);
        }
    }
}
