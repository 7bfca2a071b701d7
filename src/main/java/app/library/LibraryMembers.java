package app.library;

import java.util.Optional;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The library's copies of users, by id and by e-mail address. */
@Repository
class LibraryMembers extends DynamoRepository<LibraryMember> {

    LibraryMembers(DynamoDbPlatform platform) {
        super(platform, "library", TableSchema.fromBean(LibraryMember.class));
    }

    Optional<LibraryMember> of(String userId) {
        return find(LibraryMember.key(userId));
    }

    /** The user with this address (any case), if the library has heard of them. */
    Optional<LibraryMember> byEmail(String email) {
        return query("gsi1", QueryConditional.keyEqualTo(Key.builder().partitionValue(LibraryMember.emailKey(email))
                .sortValue(LibraryMember.SORT_KEY).build()), LibraryMember.emailKey(email), null, 1, true)
                .items().stream().findFirst();
    }
}
