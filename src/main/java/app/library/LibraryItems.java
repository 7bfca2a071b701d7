package app.library;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.Page;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A user's library, newest first (item ids of generations are time-ordered). */
@Repository
class LibraryItems extends DynamoRepository<LibraryItem> {

    LibraryItems(DynamoDbPlatform platform) {
        super(platform, "library", TableSchema.fromBean(LibraryItem.class));
    }

    Page<LibraryItem> newestOf(String owner, String cursor, int limit) {
        return query(null, QueryConditional.sortBeginsWith(Key.builder().partitionValue("USER#" + owner)
                .sortValue(LibraryItem.SORT_PREFIX).build()), owner, cursor, limit, false);
    }
}
