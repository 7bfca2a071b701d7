package app.users;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One refresh token of a family (the chain of tokens that started at one log-in): item
 * {@code REFRESH#<id> / TOKEN}. Only the SHA-256 of its secret is stored. It is spent by a versioned write, so two
 * concurrent exchanges cannot both succeed. {@code expiresAt} doubles as the TTL attribute in AWS.
 */
@DynamoDbBean
public class RefreshToken {

    private static final String SORT_KEY = "TOKEN";

    private String id;
    private String familyId;
    private String userId;
    private String secretHash;
    private Instant expiresAt;
    private Instant spentAt;
    private Long version;

    static RefreshToken of(String id, String familyId, String userId, String secretHash, Instant expiresAt) {
        RefreshToken token = new RefreshToken();
        token.id = id;
        token.familyId = familyId;
        token.userId = userId;
        token.secretHash = secretHash;
        token.expiresAt = expiresAt;
        return token;
    }

    static Key key(String id) {
        return Key.builder().partitionValue("REFRESH#" + id).sortValue(SORT_KEY).build();
    }

    boolean isSpent() {
        return spentAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void spend(Instant now) {
        this.spentAt = now;
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return "REFRESH#" + id;
    }

    public void setPk(String pk) {
        // Derived from the id.
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_KEY;
    }

    public void setSk(String sk) {
        // Constant.
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFamilyId() {
        return familyId;
    }

    public void setFamilyId(String familyId) {
        this.familyId = familyId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getSpentAt() {
        return spentAt;
    }

    public void setSpentAt(Instant spentAt) {
        this.spentAt = spentAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
