package app.integrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import app.platform.dynamodb.SortableTime;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * An authorization a user started with {@code connect} and the provider has not sent back yet: item
 * {@code STATE#<SHA-256 of state> / STATE}. Only the state's hash is stored, so a read of the table cannot forge a
 * callback; the PKCE code verifier is stored encrypted. The item is consumed (deleted) by the one callback that
 * presents the state. States never sent back are found through the {@code state-expiry} index and removed by
 * {@link ExpiredStateSweeper}; {@code purgeAt} (epoch seconds) lets DynamoDB's TTL do the same in AWS.
 */
@DynamoDbBean
public class PendingAuthorization {

    static final String EXPIRY_INDEX = "state-expiry";
    private static final String SORT_KEY = "STATE";
    private static final int EXPIRY_SHARDS = 4;

    private String stateHash;
    private String owner;
    private String provider;
    private String codeVerifier;
    private String redirectUri;
    private Instant expiresAt;
    private Long purgeAt;

    static PendingAuthorization of(String state, String owner, String provider, String encryptedCodeVerifier,
            String redirectUri, Instant expiresAt) {
        PendingAuthorization pending = new PendingAuthorization();
        pending.stateHash = hash(state);
        pending.owner = owner;
        pending.provider = provider;
        pending.codeVerifier = encryptedCodeVerifier;
        pending.redirectUri = redirectUri;
        pending.expiresAt = expiresAt;
        pending.purgeAt = expiresAt.getEpochSecond();
        return pending;
    }

    static Key key(String state) {
        return Key.builder().partitionValue(partitionOf(hash(state))).sortValue(SORT_KEY).build();
    }

    private static String partitionOf(String stateHash) {
        return "STATE#" + stateHash;
    }

    static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return partitionOf(stateHash);
    }

    public void setPk(String pk) {
        this.stateHash = pk == null ? null : pk.substring("STATE#".length());
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_KEY;
    }

    /** The expiry index partition: spreads pending authorizations over a few partitions. */
    @DynamoDbSecondaryPartitionKey(indexNames = EXPIRY_INDEX)
    public String getExpiryShard() {
        return stateHash == null ? null : "STATES#" + Math.floorMod(stateHash.hashCode(), EXPIRY_SHARDS);
    }

    public void setExpiryShard(String expiryShard) {
        // Derived from the state's hash.
    }

    @DynamoDbSecondarySortKey(indexNames = EXPIRY_INDEX)
    public String getExpiryDue() {
        return expiresAt == null ? null : SortableTime.format(expiresAt);
    }

    public void setExpiryDue(String expiryDue) {
        // Derived from the expiry.
    }

    static List<String> expiryShards() {
        return IntStream.range(0, EXPIRY_SHARDS).mapToObj(shard -> "STATES#" + shard).toList();
    }

    public void setSk(String sk) {
        // Constant.
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** The PKCE code verifier, encrypted. */
    public String getCodeVerifier() {
        return codeVerifier;
    }

    public void setCodeVerifier(String codeVerifier) {
        this.codeVerifier = codeVerifier;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getPurgeAt() {
        return purgeAt;
    }

    public void setPurgeAt(Long purgeAt) {
        this.purgeAt = purgeAt;
    }
}
