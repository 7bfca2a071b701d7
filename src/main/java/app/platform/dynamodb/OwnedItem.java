package app.platform.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * An aggregate that belongs to one user, stored in its module's table in the user's partition
 * ({@code pk = USER#<owner>}); the subclass names the item within it with its own {@code @DynamoDbSortKey} getter.
 * Every read goes by the owner's partition, so another user's item is never found.
 */
public abstract class OwnedItem extends Aggregate {

    private String owner;

    /** The partition key value of a user's items. */
    public static String partitionOf(String owner) {
        return "USER#" + owner;
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return partitionOf(owner);
    }

    public void setPk(String pk) {
        // Derived from the owner.
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
