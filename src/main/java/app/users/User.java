package app.users;

import java.time.Instant;

import app.platform.dynamodb.Aggregate;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A user's account: credentials, profile and plan. Item {@code USER#<id> / ACCOUNT} of the users table. */
@DynamoDbBean
public class User extends Aggregate {

    private static final String SORT_KEY = "ACCOUNT";

    private String id;
    private String email;
    private String passwordHash;
    private String displayName;
    private String plan;
    private String industry;
    private String tone;
    private String language;
    private Instant createdAt;
    private String onboardingSteps;
    private String onboardingStatus;

    static User create(String id, String email, String passwordHash, String displayName, Instant now) {
        User user = new User();
        user.id = id;
        user.email = email;
        user.passwordHash = passwordHash;
        user.displayName = displayName;
        user.plan = Plan.FREE.id();
        user.createdAt = now;
        return user;
    }

    public String getOnboardingSteps() {
        return onboardingSteps;
    }

    public void setOnboardingSteps(String onboardingSteps) {
        this.onboardingSteps = onboardingSteps;
    }

    public String getOnboardingStatus() {
        return onboardingStatus;
    }

    public void setOnboardingStatus(String onboardingStatus) {
        this.onboardingStatus = onboardingStatus;
    }

    static Key key(String id) {
        return Key.builder().partitionValue("USER#" + id).sortValue(SORT_KEY).build();
    }

    Plan currentPlan() {
        return Plan.ofId(plan).orElse(Plan.FREE);
    }

    @DynamoDbPartitionKey
    public String getPk() {
        return "USER#" + id;
    }

    public void setPk(String pk) {
        // Derived from the id.
    }

    @DynamoDbSortKey
    public String getSk() {
        return SORT_KEY;
    }

    public void setSk(String sk) {
        // Constant.
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
