package app.analytics;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Repository
class UserActivities extends DynamoRepository<UserActivity> {

    UserActivities(DynamoDbPlatform platform) {
        super(platform, "analytics", TableSchema.fromBean(UserActivity.class));
    }
}
