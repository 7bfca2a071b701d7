package app.brand;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The audit of one piece of content against its owner's brand: item {@code USER#<owner> / AUDIT#<id>}. Its id is
 * derived from the content's id, so a content item has one audit however often its event arrives. The findings are
 * kept as a JSON document.
 */
@DynamoDbBean
public class BrandAudit extends OwnedItem {

    private String id;
    private String contentId;
    private int score;
    private String findings;
    private Instant createdAt;

    static BrandAudit of(String owner, String contentId, int score, String findings, Instant now) {
        BrandAudit audit = new BrandAudit();
        audit.id = idFor(contentId);
        audit.setOwner(owner);
        audit.contentId = contentId;
        audit.score = score;
        audit.findings = findings;
        audit.createdAt = now;
        return audit;
    }

    static String idFor(String contentId) {
        return UUID.nameUUIDFromBytes(("brand-audit:" + contentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Key key(String owner, String id) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue("AUDIT#" + id).build();
    }

    @DynamoDbSortKey
    public String getSk() {
        return "AUDIT#" + id;
    }

    public void setSk(String sk) {
        // Derived from the id.
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getContentId() {
        return contentId;
    }

    public void setContentId(String contentId) {
        this.contentId = contentId;
    }

    public int getScore() {
        return score;
    }

    public void setScore(int score) {
        this.score = score;
    }

    public String getFindings() {
        return findings;
    }

    public void setFindings(String findings) {
        this.findings = findings;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
