package app.integrations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import app.platform.dynamodb.OwnedItem;
import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's connection to one provider: item {@code USER#<owner> / CONNECTION#<provider>} with the tokens encrypted
 * ({@link TokenCipher}). While connected with a known expiry, it sits in the sparse {@code refresh} index, sorted by
 * when its access token expires, so the refresh sweep finds due tokens without scanning.
 */
@DynamoDbBean
public class Connection extends OwnedItem {

    static final String REFRESH_INDEX = "refresh";
    private static final String PREFIX = "CONNECTION#";
    private static final int REFRESH_SHARDS = 4;

    private String provider;
    private ConnectionStatus status;
    private List<String> scopes = new ArrayList<>();
    private Instant connectedAt;
    private Instant tokenExpiresAt;
    private String accessToken;
    private String refreshToken;

    static Connection of(String owner, String provider) {
        Connection connection = new Connection();
        connection.setOwner(owner);
        connection.provider = provider;
        return connection;
    }

    static Key key(String owner, String provider) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(PREFIX + provider).build();
    }

    static String sortKeyPrefix() {
        return PREFIX;
    }

    /** Stores freshly issued tokens (already encrypted) and marks the connection usable. */
    void tokensIssued(String encryptedAccessToken, String encryptedRefreshToken, Instant expiresAt,
            List<String> grantedScopes) {
        this.accessToken = encryptedAccessToken;
        if (encryptedRefreshToken != null) {
            // A provider that does not rotate refresh tokens answers a refresh without one: the old one stays.
            this.refreshToken = encryptedRefreshToken;
        }
        this.tokenExpiresAt = expiresAt;
        if (grantedScopes != null && !grantedScopes.isEmpty()) {
            this.scopes = new ArrayList<>(grantedScopes);
        }
        this.status = ConnectionStatus.CONNECTED;
    }

    void connected(Instant at) {
        this.connectedAt = at;
    }

    void expired() {
        this.status = ConnectionStatus.EXPIRED;
    }

    @DynamoDbIgnore
    boolean isConnected() {
        return status == ConnectionStatus.CONNECTED;
    }

    /** Whether the access token expires within the margin from now (a token without expiry never does). */
    boolean expiresWithin(Duration margin, Instant now) {
        return tokenExpiresAt != null && !tokenExpiresAt.isAfter(now.plus(margin));
    }

    @DynamoDbSortKey
    public String getSk() {
        return PREFIX + provider;
    }

    public void setSk(String sk) {
        this.provider = sk == null ? null : sk.substring(PREFIX.length());
    }

    /** The sparse refresh index: present only while connected with an expiring token. */
    @DynamoDbSecondaryPartitionKey(indexNames = REFRESH_INDEX)
    public String getRefreshShard() {
        return isConnected() && tokenExpiresAt != null ? refreshShardOf(getOwner(), provider) : null;
    }

    public void setRefreshShard(String refreshShard) {
        // Derived from the owner, the provider and the status.
    }

    @DynamoDbSecondarySortKey(indexNames = REFRESH_INDEX)
    public String getRefreshDue() {
        return isConnected() && tokenExpiresAt != null ? SortableTime.format(tokenExpiresAt) : null;
    }

    public void setRefreshDue(String refreshDue) {
        // Derived from the token's expiry.
    }

    static String refreshShardOf(String owner, String provider) {
        return "REFRESH#" + Math.floorMod(Objects.hash(owner, provider), REFRESH_SHARDS);
    }

    static List<String> refreshShards() {
        return IntStream.range(0, REFRESH_SHARDS).mapToObj(shard -> "REFRESH#" + shard).toList();
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public ConnectionStatus getStatus() {
        return status;
    }

    public void setStatus(ConnectionStatus status) {
        this.status = status;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
    }

    public Instant getConnectedAt() {
        return connectedAt;
    }

    public void setConnectedAt(Instant connectedAt) {
        this.connectedAt = connectedAt;
    }

    public Instant getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    public void setTokenExpiresAt(Instant tokenExpiresAt) {
        this.tokenExpiresAt = tokenExpiresAt;
    }

    /** The access token, encrypted. */
    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    /** The refresh token, encrypted, or {@code null} if the provider issued none. */
    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }
}
