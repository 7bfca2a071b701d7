package app.platform.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** An aggregate whose listener's effect is visible as a count: applied twice, it would show 2. */
@DynamoDbBean
public class Tally extends Aggregate {

    private String owner;
    private String id;
    private int count;

    static Tally of(String owner) {
        Tally tally = new Tally();
        tally.owner = owner;
        tally.id = "tally";
        return tally;
    }

    static Key key(String owner) {
        return Key.builder().partitionValue(owner).sortValue("tally").build();
    }

    void increment() {
        count++;
    }

    @DynamoDbPartitionKey
    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    @DynamoDbSortKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }
}
