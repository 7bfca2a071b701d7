package app.integrations;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The users' webhooks. */
@Repository
class WebhookTargets extends DynamoRepository<WebhookTarget> {

    WebhookTargets(DynamoDbPlatform platform) {
        super(platform, "publishing", TableSchema.fromBean(WebhookTarget.class));
    }
}
