package app.brand;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Repository
class BrandAudits extends DynamoRepository<BrandAudit> {

    BrandAudits(DynamoDbPlatform platform) {
        super(platform, "brand", TableSchema.fromBean(BrandAudit.class));
    }
}
