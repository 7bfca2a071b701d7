package app.users;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The refresh token families. */
@Repository
class TokenFamilies extends DynamoRepository<TokenFamily> {

    TokenFamilies(DynamoDbPlatform platform) {
        super(platform, UsersTable.NAME, TableSchema.fromBean(TokenFamily.class));
    }
}
