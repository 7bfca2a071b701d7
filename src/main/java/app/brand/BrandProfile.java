package app.brand;

import java.util.ArrayList;
import java.util.List;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A user's brand: voice and the terms content must avoid or use. Item {@code USER#<owner> / PROFILE}. */
@DynamoDbBean
public class BrandProfile extends OwnedItem {

    private String voice;
    private List<String> bannedTerms = new ArrayList<>();
    private List<String> requiredTerms = new ArrayList<>();

    static BrandProfile of(String owner) {
        BrandProfile profile = new BrandProfile();
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

    public String getVoice() {
        return voice;
    }

    public void setVoice(String voice) {
        this.voice = voice;
    }

    public List<String> getBannedTerms() {
        return bannedTerms;
    }

    public void setBannedTerms(List<String> bannedTerms) {
        this.bannedTerms = bannedTerms == null ? new ArrayList<>() : new ArrayList<>(bannedTerms);
    }

    public List<String> getRequiredTerms() {
        return requiredTerms;
    }

    public void setRequiredTerms(List<String> requiredTerms) {
        this.requiredTerms = requiredTerms == null ? new ArrayList<>() : new ArrayList<>(requiredTerms);
    }
}
