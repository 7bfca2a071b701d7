package app.integrations;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;
import app.platform.web.NotFound;
import app.platform.web.PageRequest;

/** The caller's webhook, posting time and scheduled posts. */
@RestController
@RequestMapping("/api/v1/integrations")
class PublishingController {

    private final Webhooks webhooks;
    private final PostSchedule schedule;

    PublishingController(Webhooks webhooks, PostSchedule schedule) {
        this.webhooks = webhooks;
        this.schedule = schedule;
    }

    record WebhookRequest(String url) {
    }

    record Webhook(String url, Instant createdAt) {

        static Webhook of(WebhookTarget target) {
            return new Webhook(target.getUrl(), target.getCreatedAt());
        }
    }

    /** A webhook just set: its signing secret is answered this once. */
    record WebhookWithSecret(String url, Instant createdAt, String secret) {
    }

    /**
     * Sets (or replaces) the caller's webhook. The URL must be {@code https} and reach a public address
     * ({@code 400 webhook-url-refused} otherwise). Every call makes a new signing secret, answered only here.
     */
    @PutMapping("/webhook")
    ResponseEntity<WebhookWithSecret> setWebhook(CurrentUser caller, @RequestBody WebhookRequest request) {
        Webhooks.SetWebhook set = webhooks.set(caller.id(), request.url());
        WebhookWithSecret body = new WebhookWithSecret(set.target().getUrl(), set.target().getCreatedAt(),
                set.secret());
        return set.created() ? ResponseEntity.created(URI.create("/api/v1/integrations/webhook")).body(body)
                : ResponseEntity.ok(body);
    }

    /** The caller's webhook, without its secret. */
    @GetMapping("/webhook")
    Webhook webhook(CurrentUser caller) {
        return webhooks.of(caller.id()).map(Webhook::of).orElseThrow(() -> new NotFound("No webhook is set"));
    }

    @DeleteMapping("/webhook")
    ResponseEntity<Void> removeWebhook(CurrentUser caller) {
        if (!webhooks.remove(caller.id())) {
            throw new NotFound("No webhook is set");
        }
        return ResponseEntity.noContent().build();
    }

    record Preferences(String postingTime, String zone) {

        static Preferences of(PostingPreference preference) {
            return new Preferences(preference.getPostingTime(), preference.getZone());
        }
    }

    /** When the caller's generated posts go out: the next {@code postingTime} (e.g. {@code 09:00}) in {@code zone}. */
    @PutMapping("/preferences")
    Preferences prefer(CurrentUser caller, @RequestBody Preferences preferences) {
        return Preferences.of(schedule.prefer(caller.id(), preferences.postingTime(), preferences.zone()));
    }

    /** The caller's posting time; without one, posts go out shortly after they are generated. */
    @GetMapping("/preferences")
    Preferences preferences(CurrentUser caller) {
        return schedule.preferenceOf(caller.id()).map(Preferences::of).orElse(new Preferences(null, null));
    }

    record Post(String id, String generationId, String target, String platform, String text, List<String> hashtags,
            Instant scheduledFor, String status, int attempts, Instant nextAttemptAt, String lastError,
            Instant publishedAt, Instant createdAt) {

        static Post of(ScheduledPost post) {
            return new Post(post.getId(), post.getGenerationId(), post.getTarget(), post.getPlatform(),
                    post.getText(), post.hashtags(), post.getScheduledFor(), post.getStatus(), post.getAttempts(),
                    post.getNextAttemptAt(), post.getLastError(), post.getPublishedAt(), post.getCreatedAt());
        }
    }

    /** The caller's scheduled posts, newest first. */
    @GetMapping("/posts")
    Page<Post> posts(CurrentUser caller, PageRequest page) {
        Page<ScheduledPost> found = schedule.newest(caller.id(), page.cursor(), page.limit());
        return new Page<>(found.items().stream().map(Post::of).toList(), found.nextCursor());
    }

    /** Cancels a post that has not gone out ({@code 409 post-not-cancellable} once it is being published or later). */
    @DeleteMapping("/posts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(CurrentUser caller, @PathVariable String id) {
        schedule.cancel(caller.id(), id);
    }
}
