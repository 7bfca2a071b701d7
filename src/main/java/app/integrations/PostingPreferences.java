package app.integrations;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The users' preferred posting times. */
@Repository
class PostingPreferences extends DynamoRepository<PostingPreference> {

    PostingPreferences(DynamoDbPlatform platform) {
        super(platform, "publishing", TableSchema.fromBean(PostingPreference.class));
    }
}
