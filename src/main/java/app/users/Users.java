package app.users;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The user accounts. */
@Repository
class Users extends DynamoRepository<User> {

    Users(DynamoDbPlatform platform) {
        super(platform, UsersTable.NAME, TableSchema.fromBean(User.class));
    }
}
