package app.platform.installation;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;

/**
 * This deployment's identity and start history, kept in the platform table: which installation the data belongs to,
 * when it first started and how many times it has started since. Shown at {@code /actuator/info}.
 */
@DynamoDbBean
public class Installation {

    static final String KEY = "installation";

    private String pk = KEY;
    private String sk = KEY;
    private String installationId;
    private Instant firstStartedAt;
    private Instant lastStartedAt;
    private long starts;
    private Long version;

    /** A new installation, started for the first time now. */
    static Installation firstStart(String installationId, Instant now) {
        Installation installation = new Installation();
        installation.installationId = installationId;
        installation.firstStartedAt = now;
        installation.lastStartedAt = now;
        installation.starts = 1;
        return installation;
    }

    void recordStart(Instant now) {
        lastStartedAt = now;
        starts++;
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getInstallationId() {
        return installationId;
    }

    public void setInstallationId(String installationId) {
        this.installationId = installationId;
    }

    public Instant getFirstStartedAt() {
        return firstStartedAt;
    }

    public void setFirstStartedAt(Instant firstStartedAt) {
        this.firstStartedAt = firstStartedAt;
    }

    public Instant getLastStartedAt() {
        return lastStartedAt;
    }

    public void setLastStartedAt(Instant lastStartedAt) {
        this.lastStartedAt = lastStartedAt;
    }

    public long getStarts() {
        return starts;
    }

    public void setStarts(long starts) {
        this.starts = starts;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
