package app.integrations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.StaleItem;

/**
 * Publishes scheduled posts when they are due, through the adapter of their target, with retries and exponential
 * backoff.
 *
 * <p>A sweep finds due posts through the sparse {@code due} index (a few partitions, never a scan). An attempt first
 * <em>claims</em> the post with one versioned write ({@code PUBLISHING}, attempts + 1, due again only when
 * {@code attempt-timeout} has passed, so a dispatcher that stops mid-attempt is taken over), then publishes, then
 * records the outcome with its event in one transaction: {@code PUBLISHED} and {@link SocialPostPublished}; or a
 * retry after a wait that doubles with each failure; or, after the last attempt, {@code FAILED} and
 * {@link SocialPostFailed}. Two dispatchers (threads or instances) never publish the same attempt: only one claim of
 * it can win.
 */
@Service
class PostDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PostDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final ScheduledPosts posts;
    private final List<PostPublisher> publishers;
    private final PublishingSettings.Posts settings;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    PostDispatcher(ScheduledPosts posts, List<PostPublisher> publishers, PublishingSettings settings,
            ApplicationEventPublisher events, TransactionOperations transactions, Clock clock) {
        this.posts = posts;
        this.publishers = List.copyOf(publishers);
        this.settings = settings.posts();
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sweeps at start-up and then every {@code app.integrations.posts.sweep-interval}. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${app.integrations.posts.sweep-interval:15s}")
    void dispatchRegularly() {
        try {
            dispatchDue(clock.instant());
        }
        catch (RuntimeException e) {
            log.warn("Post dispatch sweep failed; retrying at the next interval: {}", e.toString());
        }
    }

    /**
     * Attempts every post due at {@code now} (at most {@code sweep-batch} per index partition).
     *
     * @return how many attempts were made
     */
    int dispatchDue(Instant now) {
        int attempted = 0;
        for (String shard : ScheduledPost.dueShards()) {
            for (ScheduledPost due : posts.due(shard, now, settings.sweepBatch())) {
                try {
                    attempted += attempt(due.getOwner(), due.getId(), now) ? 1 : 0;
                }
                catch (RuntimeException e) {
                    log.warn("Attempt of post {} failed ({}); next sweep", due.getId(), e.toString());
                }
            }
        }
        return attempted;
    }

    /**
     * One attempt of the post, if it is due at {@code now} and this dispatcher wins its claim.
     *
     * @return whether this dispatcher made the attempt
     */
    boolean attempt(String owner, String id, Instant now) {
        Optional<ScheduledPost> claimed = claim(owner, id, now);
        if (claimed.isEmpty()) {
            return false;
        }
        ScheduledPost post = claimed.get();
        PublishResult result = publish(post);
        if (!result.published()) {
            log.warn("Post {} to {} failed on attempt {} of {}: {}", id, post.getTarget(), post.getAttempts(),
                    settings.maxAttempts(), result.error());
        }
        record(owner, id, post.getAttempts(), result);
        return true;
    }

    private PublishResult publish(ScheduledPost post) {
        PostPublisher publisher = publishers.stream().filter(candidate -> candidate.publishesTo(post.getTarget()))
                .findFirst().orElse(null);
        if (publisher == null) {
            return PublishResult.gaveUp("no publisher for " + post.getTarget());
        }
        try {
            return publisher.publish(post);
        }
        catch (RuntimeException e) {
            return PublishResult.failed(e.toString());
        }
    }

    /**
     * Takes the post for one attempt with one versioned write, if it is due; a post out of attempts (its last
     * dispatcher stopped before recording an outcome) fails instead.
     */
    private Optional<ScheduledPost> claim(String owner, String id, Instant now) {
        Optional<ScheduledPost> found = posts.find(ScheduledPost.key(owner, id)).filter(post -> post.isDue(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScheduledPost post = found.get();
        try {
            if (post.getAttempts() >= settings.maxAttempts()) {
                fail(post, "no outcome recorded for the last of " + settings.maxAttempts() + " attempts");
                return Optional.empty();
            }
            post.attemptStarted(now.plus(settings.attemptTimeout()));
            posts.save(post);
            return Optional.of(post);
        }
        catch (StaleItem claimedElsewhere) {
            // Another dispatcher took it (or its owner cancelled it) since it was read.
            return Optional.empty();
        }
    }

    /** Records an attempt's outcome, unless the post was taken over or cancelled since. */
    private void record(String owner, String id, int attempt, PublishResult result) {
        Instant now = clock.instant();
        posts.updateIfChanged(ScheduledPost.key(owner, id), post -> {
            if (post.status() != PostStatus.PUBLISHING || post.getAttempts() != attempt) {
                return false;
            }
            if (result.published()) {
                post.published(now);
                events.publishEvent(new SocialPostPublished(UUID.randomUUID(), post.getId(), owner,
                        post.getGenerationId(), post.getTarget(), post.getPlatform(), post.getAttempts(), now));
            }
            else if (result.permanent() || attempt >= settings.maxAttempts()) {
                failed(post, result.error());
            }
            else {
                post.retryAt(now.plus(settings.retryAfter(attempt)), abbreviated(result.error()));
            }
            return true;
        }).filter(post -> post.status() == PostStatus.FAILED && post.getAttempts() == attempt)
                .ifPresent(PostDispatcher::logFailure);
    }

    private void fail(ScheduledPost post, String reason) {
        transactions.executeWithoutResult(status -> {
            failed(post, reason);
            posts.save(post);
        });
        logFailure(post);
    }

    /** Marks the post failed and publishes that, in the transaction that writes it. */
    private void failed(ScheduledPost post, String reason) {
        post.failed(abbreviated(reason));
        events.publishEvent(new SocialPostFailed(UUID.randomUUID(), post.getId(), post.getOwner(),
                post.getGenerationId(), post.getTarget(), post.getPlatform(), post.getAttempts(), post.getLastError()));
    }

    private static void logFailure(ScheduledPost post) {
        log.warn("Post {} to {} FAILED after {} attempt(s): {}", post.getId(), post.getTarget(), post.getAttempts(),
                post.getLastError());
    }

    private static String abbreviated(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
