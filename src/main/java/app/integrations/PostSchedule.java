package app.integrations;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.platform.dynamodb.Page;
import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;
import app.platform.web.NotFound;

/** A user's scheduled posts and preferred posting time. */
@Service
class PostSchedule {

    private final ScheduledPosts posts;
    private final PostingPreferences preferences;

    PostSchedule(ScheduledPosts posts, PostingPreferences preferences) {
        this.posts = posts;
        this.preferences = preferences;
    }

    Page<ScheduledPost> newest(String owner, String cursor, int limit) {
        return posts.newestOf(owner, cursor, limit);
    }

    /**
     * Cancels a post that has not gone out; cancelling a cancelled post again changes nothing.
     *
     * @throws NotFound if the owner has no such post
     * @throws PostNotCancellable if it is being published, published or failed
     */
    void cancel(String owner, String id) {
        posts.updateIfChanged(ScheduledPost.key(owner, id), post -> switch (post.status()) {
            case CANCELLED -> false;
            case SCHEDULED -> {
                post.cancel();
                yield true;
            }
            default -> throw new PostNotCancellable(id, post.status());
        }).orElseThrow(() -> new NotFound("No scheduled post " + id));
    }

    Optional<PostingPreference> preferenceOf(String owner) {
        return preferences.find(PostingPreference.key(owner));
    }

    /** Sets the owner's posting time, e.g. {@code 09:00} in {@code Europe/Paris}. */
    PostingPreference prefer(String owner, String postingTime, String zone) {
        List<FieldError> errors = new ArrayList<>();
        LocalTime time = null;
        ZoneId zoneId = null;
        try {
            time = LocalTime.parse(postingTime == null ? "" : postingTime.strip());
        }
        catch (DateTimeParseException e) {
            errors.add(new FieldError("postingTime", "must be a time of day such as 09:00"));
        }
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
        }
        catch (DateTimeException e) {
            errors.add(new FieldError("zone", "must be a time zone id such as Europe/Paris"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        PostingPreference preference = PostingPreference.of(owner, time, zoneId);
        return preferences.updateOrCreate(PostingPreference.key(owner), () -> preference, stored -> {
            stored.setPostingTime(preference.getPostingTime());
            stored.setZone(preference.getZone());
        });
    }
}
