package app.integrations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.platform.dynamodb.DuplicateItem;
import app.studio.SocialContentGenerated;

/**
 * {@code ai.content.social.generated} → {@code integration.social.schedule}: every generated post is scheduled for
 * each of the owner's publishing targets, at the owner's preferred posting time (the next one to come) or, without a
 * preference, {@code app.integrations.posts.default-delay} from now. A post's id comes from the generation, its
 * platform and the target, so a redelivered event schedules nothing twice. Each post is its own aggregate, created
 * on its own (one aggregate per transaction).
 */
@Component
class PostScheduling {

    private static final Logger log = LoggerFactory.getLogger(PostScheduling.class);

    private final List<PublishingTargets> targets;
    private final ScheduledPosts posts;
    private final PostingPreferences preferences;
    private final PublishingSettings.Posts settings;
    private final Clock clock;

    PostScheduling(List<PublishingTargets> targets, ScheduledPosts posts, PostingPreferences preferences,
            PublishingSettings settings, Clock clock) {
        this.targets = targets;
        this.posts = posts;
        this.preferences = preferences;
        this.settings = settings.posts();
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(SocialContentGenerated generated) {
        schedule(generated);
    }

    void schedule(SocialContentGenerated generated) {
        List<String> platforms = targets.stream().flatMap(source -> source.platformsOf(generated.owner()).stream())
                .distinct().toList();
        if (platforms.isEmpty() || generated.posts() == null) {
            return;
        }
        Instant now = clock.instant();
        Instant at = preferences.find(PostingPreference.key(generated.owner()))
                .map(preference -> preference.nextAfter(now))
                .orElse(now.plus(settings.defaultDelay()));
        for (String target : platforms) {
            for (SocialContentGenerated.Post post : generated.posts()) {
                ScheduledPost scheduled = ScheduledPost.of(generated.owner(), generated.generationId(), target,
                        post.platform(), post.text(), at, now);
                try {
                    posts.create(scheduled);
                    log.info("Post {} of generation {} scheduled for {} on {}", scheduled.getId(),
                            generated.generationId(), at, target);
                }
                catch (DuplicateItem scheduledBefore) {
                    // A redelivered event: the post is there.
                }
            }
        }
    }
}
