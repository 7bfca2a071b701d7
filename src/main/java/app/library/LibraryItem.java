package app.library;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A saved piece of content: item {@code USER#<owner> / ITEM#<id>} of the library table. An item saved from a
 * generation has the generation's id, so saving the same generation twice (a redelivered event, a second path)
 * finds the item there and leaves exactly one. When the content saga gives a generation up, its item is withdrawn:
 * kept as an empty placeholder that no list or read shows, so a save arriving after the withdrawal finds it and
 * saves nothing.
 */
@DynamoDbBean
public class LibraryItem extends OwnedItem {

    static final String SORT_PREFIX = "ITEM#";

    private String id;
    private String type;
    private String title;
    private String body;
    private String history = "[]";
    private Instant createdAt;
    private Instant updatedAt;
    private Boolean withdrawn;

    static LibraryItem fromGeneration(String generationId, String owner, String type, String title, String body,
            Instant now) {
        LibraryItem item = new LibraryItem();
        item.id = generationId;
        item.setOwner(owner);
        item.type = type;
        item.title = title;
        item.body = body;
        item.createdAt = now;
        item.updatedAt = now;
        return item;
    }

    /** The placeholder of a generation given up before the library saved it. */
    static LibraryItem withdrawnPlaceholder(String generationId, String owner, String type, Instant now) {
        LibraryItem item = fromGeneration(generationId, owner, type, "", "", now);
        item.withdrawn = true;
        return item;
    }

    /** Empties the item and hides it from lists and reads. */
    void withdraw(Instant now) {
        title = "";
        body = "";
        history = "[]";
        updatedAt = now;
        withdrawn = true;
    }

    @DynamoDbIgnore
    boolean isShown() {
        return !Boolean.TRUE.equals(withdrawn);
    }

    public Boolean getWithdrawn() {
        return withdrawn;
    }

    public void setWithdrawn(Boolean withdrawn) {
        this.withdrawn = withdrawn;
    }

    static Key key(String owner, String id) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue(SORT_PREFIX + id).build();
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_PREFIX + id;
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    /** The title in lower case, for case-insensitive search (DynamoDB's {@code contains} is case-sensitive). */
    public String getTitleLower() {
        return title == null ? null : title.toLowerCase(Locale.ROOT);
    }

    public void setTitleLower(String titleLower) {
        // Derived from the title.
    }

    /** The distinct words of the title and body, for search by words of the body. */
    public Set<String> getWords() {
        return SearchWords.of(title, body);
    }

    public void setWords(Set<String> words) {
        // Derived from the title and body.
    }

    /** Earlier versions, newest last, as a JSON array of {version, title, body, savedAt}. */
    public String getHistory() {
        return history;
    }

    public void setHistory(String history) {
        this.history = history == null ? "[]" : history;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
