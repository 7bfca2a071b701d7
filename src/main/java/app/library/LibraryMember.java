package app.library;

import java.util.Locale;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The library's copy of a user, fed by the users module's events: item {@code USER#<id> / MEMBER}, found by e-mail
 * address through {@code gsi1} ({@code EMAIL#<address in lower case>}) when an owner adds a collaborator.
 */
@DynamoDbBean
public class LibraryMember extends OwnedItem {

    static final String SORT_KEY = "MEMBER";

    private String email;
    private String displayName;

    static LibraryMember of(String userId) {
        LibraryMember member = new LibraryMember();
        member.setOwner(userId);
        return member;
    }

    static Key key(String userId) {
        return Key.builder().partitionValue(partitionOf(userId)).sortValue(SORT_KEY).build();
    }

    static String emailKey(String email) {
        return "EMAIL#" + email.strip().toLowerCase(Locale.ROOT);
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_KEY;
    }

    public void setSk(String sk) {
        // Always MEMBER.
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "gsi1")
    public String getGsi1pk() {
        return email == null ? null : emailKey(email);
    }

    public void setGsi1pk(String gsi1pk) {
        // Derived from the e-mail address.
    }

    @DynamoDbSecondarySortKey(indexNames = "gsi1")
    public String getGsi1sk() {
        return email == null ? null : SORT_KEY;
    }

    public void setGsi1sk(String gsi1sk) {
        // Always MEMBER.
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
