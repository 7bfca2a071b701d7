package app.library;

import java.time.Instant;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A collaborator's access to another user's library item: item {@code USER#<collaborator> / SHARED#<item id>} in the
 * collaborator's partition (its {@link #getOwner() owner} is the collaborator), so a read of the item by a user who is
 * not its owner finds the grant by key. The item's owner lists the collaborators through {@code gsi1}
 * ({@code COLLABORATORS#<owner>#<item id>}).
 */
@DynamoDbBean
public class Collaboration extends OwnedItem {

    static final String SORT_PREFIX = "SHARED#";

    private String itemId;
    private String itemOwner;
    private String email;
    private String displayName;
    private Instant addedAt;

    static Collaboration of(String collaboratorId, String itemOwner, String itemId, String email,
            String displayName, Instant now) {
        Collaboration collaboration = new Collaboration();
        collaboration.setOwner(collaboratorId);
        collaboration.itemOwner = itemOwner;
        collaboration.itemId = itemId;
        collaboration.email = email;
        collaboration.displayName = displayName;
        collaboration.addedAt = now;
        return collaboration;
    }

    static Key key(String collaboratorId, String itemId) {
        return Key.builder().partitionValue(partitionOf(collaboratorId)).sortValue(SORT_PREFIX + itemId).build();
    }

    static String collaboratorsOf(String itemOwner, String itemId) {
        return "COLLABORATORS#" + itemOwner + "#" + itemId;
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_PREFIX + itemId;
    }

    public void setSk(String sk) {
        // Derived from the item id.
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "gsi1")
    public String getGsi1pk() {
        return collaboratorsOf(itemOwner, itemId);
    }

    public void setGsi1pk(String gsi1pk) {
        // Derived from the item's owner and id.
    }

    @DynamoDbSecondarySortKey(indexNames = "gsi1")
    public String getGsi1sk() {
        return getOwner();
    }

    public void setGsi1sk(String gsi1sk) {
        // The collaborator's id.
    }

    public String getItemId() {
        return itemId;
    }

    public void setItemId(String itemId) {
        this.itemId = itemId;
    }

    public String getItemOwner() {
        return itemOwner;
    }

    public void setItemOwner(String itemOwner) {
        this.itemOwner = itemOwner;
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

    public Instant getAddedAt() {
        return addedAt;
    }

    public void setAddedAt(Instant addedAt) {
        this.addedAt = addedAt;
    }
}
