package app.platform.dynamodb;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB platform on top of Spring Cloud AWS's client beans: module tables, the repository support and the
 * transaction manager that makes {@code @Transactional} a unit of work.
 */
@Configuration(proxyBeanMethods = false)
class DynamoDbConfiguration {

    @Bean
    DynamoDbTables dynamoDbTables(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient,
            DynamoDbSettings settings) {
        return new DynamoDbTables(client, enhancedClient, settings);
    }

    @Bean
    ItemWriter itemWriter(DynamoDbClient client, ObjectProvider<OutboxRelay> relay, DynamoDbTables tables) {
        return new ItemWriter(client, relayOrRefusal(relay), tables.physicalName(ItemWriter.TRANSACTIONS_TABLE));
    }

    @Bean
    DynamoDbPlatform dynamoDbPlatform(DynamoDbTables tables, DynamoDbClient client, ItemWriter writer,
            DynamoDbSettings settings, PlatformTransactionManager transactionManager, Clock clock) {
        return new DynamoDbPlatform(tables, client, writer, new CursorCodec(settings.cursorSecret()),
                transactionManager, new HandledEventReceipts(client,
                        tables.physicalName(ItemWriter.TRANSACTIONS_TABLE), clock, settings.handledRetention()));
    }

    @Bean
    PlatformTransactionManager transactionManager(ItemWriter writer, Clock clock) {
        return new DynamoDbTransactionManager(writer, clock);
    }

    @Bean
    OutboxSweeper outboxSweeper(DynamoDbClient client, DynamoDbTables tables, ItemWriter writer, Clock clock,
            DynamoDbSettings settings) {
        return new OutboxSweeper(client, tables, writer, clock, settings.outboxGrace());
    }

    /** Resolved lazily: the event registry that relays outboxes itself builds on this configuration. */
    private static OutboxRelay relayOrRefusal(ObjectProvider<OutboxRelay> relay) {
        return new OutboxRelay() {

            @Override
            public void relay(List<Map<String, AttributeValue>> publications) {
                registry().relay(publications);
            }

            @Override
            public void relayForDispatch(List<Map<String, AttributeValue>> publications) {
                registry().relayForDispatch(publications);
            }

            private OutboxRelay registry() {
                return relay.getIfAvailable(() -> refused -> {
                    throw new IllegalStateException(
                            "Events were published but no event publication registry is configured");
                });
            }
        };
    }

    @Bean
    DynamoDbHealthIndicator dynamodbHealthIndicator(DynamoDbClient client, DynamoDbTables tables,
            DynamoDbSettings settings) {
        return new DynamoDbHealthIndicator(client, tables, settings);
    }
}
