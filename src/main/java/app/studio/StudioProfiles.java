package app.studio;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Repository
class StudioProfiles extends DynamoRepository<StudioProfile> {

    StudioProfiles(DynamoDbPlatform platform) {
        super(platform, "studio", TableSchema.fromBean(StudioProfile.class));
    }
}
