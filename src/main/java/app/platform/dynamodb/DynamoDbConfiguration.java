package app.platform.dynamodb;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
    DynamoDbPlatform dynamoDbPlatform(DynamoDbTables tables, DynamoDbSettings settings) {
        return new DynamoDbPlatform(tables, new CursorCodec(settings.cursorSecret()));
    }

    @Bean
    PlatformTransactionManager transactionManager() {
        return new DynamoDbTransactionManager();
    }

    @Bean
    DynamoDbHealthIndicator dynamodbHealthIndicator(DynamoDbClient client, DynamoDbTables tables,
            DynamoDbSettings settings) {
        return new DynamoDbHealthIndicator(client, tables, settings);
    }
}
