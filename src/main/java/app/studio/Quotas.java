package app.studio;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Repository
class Quotas extends DynamoRepository<Quota> {

    Quotas(DynamoDbPlatform platform) {
        super(platform, "studio", TableSchema.fromBean(Quota.class));
    }
}
