package app.analytics;

import java.util.ArrayList;
import java.util.List;

import app.platform.dynamodb.OwnedItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * What one user has done, counted from events: item {@code USER#<owner> / ACTIVITY}. Each event is counted once
 * (its id is remembered with the counts it changed).
 */
@DynamoDbBean
public class UserActivity extends OwnedItem {

    private int generationsCompleted;
    private int generationsFailed;
    private int contentViews;
    private String plan = "free";
    private List<String> featuresUsed = new ArrayList<>();

    static UserActivity of(String owner) {
        UserActivity activity = new UserActivity();
        activity.setOwner(owner);
        return activity;
    }

    static Key key(String owner) {
        return Key.builder().partitionValue(partitionOf(owner)).sortValue("ACTIVITY").build();
    }

    /** Records the use of a feature; true when it is the user's first. */
    boolean use(String feature) {
        if (featuresUsed.contains(feature)) {
            return false;
        }
        featuresUsed.add(feature);
        return true;
    }

    @DynamoDbSortKey
    public String getSk() {
        return "ACTIVITY";
    }

    public void setSk(String sk) {
        // Constant.
    }

    public int getGenerationsCompleted() {
        return generationsCompleted;
    }

    public void setGenerationsCompleted(int generationsCompleted) {
        this.generationsCompleted = generationsCompleted;
    }

    public int getGenerationsFailed() {
        return generationsFailed;
    }

    public void setGenerationsFailed(int generationsFailed) {
        this.generationsFailed = generationsFailed;
    }

    public int getContentViews() {
        return contentViews;
    }

    public void setContentViews(int contentViews) {
        this.contentViews = contentViews;
    }

    /** The user's plan, copied from the users module's events, to attribute usage to plans. */
    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan == null ? "free" : plan;
    }

    public List<String> getFeaturesUsed() {
        return featuresUsed;
    }

    public void setFeaturesUsed(List<String> featuresUsed) {
        this.featuresUsed = featuresUsed == null ? new ArrayList<>() : new ArrayList<>(featuresUsed);
    }
}
