package app.library;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Who collaborates on which item: by collaborator and item (a key), and by item for its owner. */
@Repository
class Collaborations extends DynamoRepository<Collaboration> {

    /** An item has at most this many collaborators. */
    static final int MAX_PER_ITEM = 50;

    Collaborations(DynamoDbPlatform platform) {
        super(platform, "library", TableSchema.fromBean(Collaboration.class));
    }

    Optional<Collaboration> of(String collaboratorId, String itemId) {
        return find(Collaboration.key(collaboratorId, itemId));
    }

    List<Collaboration> onItem(String itemOwner, String itemId) {
        String collaborators = Collaboration.collaboratorsOf(itemOwner, itemId);
        return query("gsi1", QueryConditional.keyEqualTo(Key.builder().partitionValue(collaborators).build()),
                collaborators, null, MAX_PER_ITEM, true).items();
    }
}
