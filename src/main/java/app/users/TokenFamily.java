package app.users;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The refresh tokens descended from one log-in: item {@code FAMILY#<id> / FAMILY}. When a spent token is presented
 * again (it was stolen, or the client replayed it), the whole family is revoked, so neither the thief nor the owner
 * can go on refreshing with it.
 */
@DynamoDbBean
public class TokenFamily {

    private static final String SORT_KEY = "FAMILY";

    private String id;
    private String userId;
    private Instant expiresAt;
    private Instant revokedAt;
    private Long version;

    static TokenFamily of(String id, String userId, Instant expiresAt) {
        TokenFamily family = new TokenFamily();
        family.id = id;
        family.userId = userId;
        family.expiresAt = expiresAt;
        return family;
    }

    static Key key(String id) {
        return Key.builder().partitionValue("FAMILY#" + id).sortValue(SORT_KEY).build();
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return "FAMILY#" + id;
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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = revokedAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
