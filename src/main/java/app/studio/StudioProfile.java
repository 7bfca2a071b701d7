package app.studio;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The studio's own copy of what it needs to know about a user, kept from the users module's events: the plan (for
 * the quota) and the personalization (for the generators). Item {@code USER#<owner> / PROFILE}.
 */
@DynamoDbBean
public class StudioProfile extends OwnedItem {

    private String plan = "free";
    private String displayName;
    private String industry;
    private String tone;
    private String language;

    static StudioProfile of(String owner) {
        StudioProfile profile = new StudioProfile();
        profile.setOwner(owner);
        return profile;
    }

    static Key key(String owner) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue("PROFILE").build();
    }

    @DynamoDbSortKey
    public String getSk() {
        return "PROFILE";
    }

    public void setSk(String sk) {
        // Constant.
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getTone() {
        return tone;
    }

    public void setTone(String tone) {
        this.tone = tone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
