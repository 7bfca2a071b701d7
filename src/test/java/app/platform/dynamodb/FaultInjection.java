package app.platform.dynamodb;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Puts the {@link FaultInjectingDynamoDbClient} in front of the application's DynamoDB client in tests. */
@Component
class FaultInjection implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DynamoDbClient client && !(bean instanceof FaultInjectingDynamoDbClient)) {
            return new FaultInjectingDynamoDbClient(client);
        }
        return bean;
    }
}
