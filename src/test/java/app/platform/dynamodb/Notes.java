package app.platform.dynamodb;

import org.springframework.stereotype.Component;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * A repository of {@link Note}s in a table of its own. The table's key attributes are named after the note's
 * ({@code owner}, {@code id}) rather than the modules' generic {@code pk}/{@code sk}, which the schema file of the
 * test table declares.
 */
@Component
class Notes extends DynamoRepository<Note> {

    Notes(DynamoDbPlatform platform) {
        super(platform, "test-notes", TableSchema.fromBean(Note.class));
    }

    Page<Note> ofOwner(String owner, String cursor, int limit) {
        return query(null, QueryConditional.keyEqualTo(Key.builder().partitionValue(owner).build()), owner, cursor,
                limit, true);
    }
}
