package app.brand;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Repository
class BrandProfiles extends DynamoRepository<BrandProfile> {

    BrandProfiles(DynamoDbPlatform platform) {
        super(platform, "brand", TableSchema.fromBean(BrandProfile.class));
    }
}
