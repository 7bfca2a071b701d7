package app.users;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The refresh tokens. */
@Repository
class RefreshTokens extends DynamoRepository<RefreshToken> {

    RefreshTokens(DynamoDbPlatform platform) {
        super(platform, UsersTable.NAME, TableSchema.fromBean(RefreshToken.class));
    }
}
