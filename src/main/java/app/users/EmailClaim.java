package app.users;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The claim of an e-mail address (normalized to lower case) by one account: item {@code EMAIL#<address> / CLAIM}.
 * Created with a put-if-absent, so of two concurrent sign-ups with one address exactly one wins. Log-in finds the
 * account through it.
 */
@DynamoDbBean
public class EmailClaim {

    private static final String SORT_KEY = "CLAIM";

    private String email;
    private String userId;
    private Instant claimedAt;
    private Long version;

    static EmailClaim of(String email, String userId, Instant now) {
        EmailClaim claim = new EmailClaim();
        claim.email = email;
        claim.userId = userId;
        claim.claimedAt = now;
        return claim;
    }

    static Key key(String email) {
        return Key.builder().partitionValue("EMAIL#" + email).sortValue(SORT_KEY).build();
    }

    /** Hands the address to another account, after the first one's sign-up was abandoned. */
    void transferTo(String newUserId, Instant now) {
        this.userId = newUserId;
        this.claimedAt = now;
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return "EMAIL#" + email;
    }

    public void setPk(String pk) {
        // Derived from the address.
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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public void setClaimedAt(Instant claimedAt) {
        this.claimedAt = claimedAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
