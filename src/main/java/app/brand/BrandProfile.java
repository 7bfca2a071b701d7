package app.brand;

import java.util.ArrayList;
import java.util.List;

import app.platform.dynamodb.Aggregate;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A user's brand: voice and the terms content must avoid or use. Item {@code USER#<owner> / PROFILE}. */
@DynamoDbBean
public class BrandProfile extends Aggregate {

    private String owner;
    private String voice;
    private List<String> bannedTerms = new ArrayList<>();
    private List<String> requiredTerms = new ArrayList<>();

    static BrandProfile of(String owner) {
        BrandProfile profile = new BrandProfile();
        profile.owner = owner;
        return profile;
    }

    static Key key(String owner) {
        return Key.builder().partitionValue("USER#" + owner).sortValue("PROFILE").build();
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return "USER#" + owner;
    }

    public void setPk(String pk) {
        // Derived from the owner.
    }

    @DynamoDbSortKey
    public String getSk() {
        return "PROFILE";
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
