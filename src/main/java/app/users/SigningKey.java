package app.users;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * An RSA key pair that signs access tokens during one rotation period: item {@code SIGNING_KEYS / <kid>}. Stored so
 * that every instance signs with, and accepts, the same keys. The key pair is kept as a JWK (JSON, private parts
 * included); in AWS the table is encrypted at rest with a KMS key.
 */
@DynamoDbBean
public class SigningKey {

    static final String PARTITION = "SIGNING_KEYS";

    private String kid;
    private long period;
    private String jwk;
    private Instant createdAt;

    static SigningKey of(String kid, long period, String jwk, Instant now) {
        SigningKey key = new SigningKey();
        key.kid = kid;
        key.period = period;
        key.jwk = jwk;
        key.createdAt = now;
        return key;
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return PARTITION;
    }

    public void setPk(String pk) {
        // Constant: all keys in one partition, read together.
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("sk")
    public String getKid() {
        return kid;
    }

    public void setKid(String kid) {
        this.kid = kid;
    }

    public long getPeriod() {
        return period;
    }

    public void setPeriod(long period) {
        this.period = period;
    }

    public String getJwk() {
        return jwk;
    }

    public void setJwk(String jwk) {
        this.jwk = jwk;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
