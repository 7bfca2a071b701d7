package app.users;

import java.util.List;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The stored signing keys, newest first. */
@Repository
class SigningKeys extends DynamoRepository<SigningKey> {

    private static final int KEPT = 10;

    SigningKeys(DynamoDbPlatform platform) {
        super(platform, UsersTable.NAME, TableSchema.fromBean(SigningKey.class));
    }

    /** The most recent keys, newest first (kids sort by period). */
    List<SigningKey> newest() {
        return query(null, QueryConditional.keyEqualTo(Key.builder().partitionValue(SigningKey.PARTITION).build()),
                SigningKey.PARTITION, null, KEPT, false).items();
    }
}
