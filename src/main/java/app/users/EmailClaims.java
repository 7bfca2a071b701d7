package app.users;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The e-mail address claims. */
@Repository
class EmailClaims extends DynamoRepository<EmailClaim> {

    EmailClaims(DynamoDbPlatform platform) {
        super(platform, UsersTable.NAME, TableSchema.fromBean(EmailClaim.class));
    }
}
