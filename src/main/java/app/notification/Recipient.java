package app.notification;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The notification module's own copy of where a user's e-mail goes, kept from the users module's events
 * ({@code user.account.created}, {@code user.profile.updated}): item {@code USER#<owner> / RECIPIENT}.
 */
@DynamoDbBean
public class Recipient extends OwnedItem {

    static final String SORT_KEY = "RECIPIENT";

    private String email;
    private String displayName;

    static Recipient of(String owner) {
        Recipient recipient = new Recipient();
        recipient.setOwner(owner);
        return recipient;
    }

    static Key key(String owner) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_KEY).build();
    }

    boolean hasAddress() {
        return email != null && !email.isBlank();
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_KEY;
    }

    public void setSk(String sk) {
        // Constant.
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
