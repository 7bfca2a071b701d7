package app.integrations;

import java.time.Instant;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's webhook: item {@code USER#<owner> / WEBHOOK} of the publishing table. Its signing secret is stored
 * encrypted ({@link SigningSecrets}) and never answered again after it was made.
 */
@DynamoDbBean
public class WebhookTarget extends OwnedItem {

    static final String SORT_KEY = "WEBHOOK";

    private String url;
    private String encryptedSecret;
    private Instant createdAt;

    static WebhookTarget of(String owner, String url, String encryptedSecret, Instant now) {
        WebhookTarget target = new WebhookTarget();
        target.setOwner(owner);
        target.url = url;
        target.encryptedSecret = encryptedSecret;
        target.createdAt = now;
        return target;
    }

    static Key key(String owner) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_KEY).build();
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_KEY;
    }

    public void setSk(String sk) {
        // One webhook per user.
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getEncryptedSecret() {
        return encryptedSecret;
    }

    public void setEncryptedSecret(String encryptedSecret) {
        this.encryptedSecret = encryptedSecret;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
