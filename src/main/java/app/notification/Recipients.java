package app.notification;

import java.util.Optional;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Where each user's e-mail goes, as the users module last told. */
@Repository
class Recipients extends DynamoRepository<Recipient> {

    Recipients(DynamoDbPlatform platform) {
        super(platform, "notification", TableSchema.fromBean(Recipient.class));
    }

    Optional<Recipient> of(String owner) {
        return find(Recipient.key(owner));
    }
}
