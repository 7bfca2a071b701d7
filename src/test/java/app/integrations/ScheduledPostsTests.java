package app.integrations;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.integrations.WebhookReceiver.Delivery;
import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated social posts are scheduled for the user's webhook and delivered over real TLS, signed with the webhook's
 * secret; failures are retried with backoff and end visibly; a cancelled post never goes out; and two dispatchers
 * racing for one post publish it once.
 */
@PlatformIntegrationTest
class ScheduledPostsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RecordedPostEvents recorded;

    @Autowired
    PostDispatcher dispatcher;

    @Autowired
    ScheduledPosts posts;

    @Autowired
    Clock clock;

    private final WebhookReceiver receiver = WebhookReceiver.instance();

    @Test
    void aGeneratedSocialPostIsDeliveredToTheWebhookSignedWithItsSecret() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String hook = receiver.newHook("ok", 200);
        String secret = setWebhook(user, hook);

        String generation = generateSocial(user, "x", "linkedin");

        List<Delivery> deliveries = await().atMost(PATIENCE).until(() -> receiver.deliveriesTo(hook),
                received -> received.size() == 2);
        for (Delivery delivery : deliveries) {
            String timestamp = delivery.header("X-Webhook-Timestamp");
            assertThat(Long.parseLong(timestamp)).isCloseTo(clock.instant().getEpochSecond(),
                    within(60L));
            assertThat(delivery.header("X-Signature-256")).isEqualTo("sha256=" + hmac(secret, timestamp,
                    delivery.body()));
            assertThat(delivery.header("Content-Type")).startsWith("application/json");
            JsonNode body = json.readTree(delivery.body());
            assertThat(body.path("generationId").asString()).isEqualTo(generation);
            assertThat(body.path("text").asString()).contains("#");
            assertThat(body.path("hashtags").get(0).asString()).startsWith("#");
            assertThat(Instant.parse(body.path("scheduledFor").asString())).isBefore(clock.instant());
        }
        assertThat(deliveries).extracting(delivery -> json.readTree(delivery.body()).path("platform").asString())
                .containsExactlyInAnyOrder("x", "linkedin");

        JsonNode posts = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(() -> postsOf(user),
                items -> items.size() == 2 && items.findValuesAsString("status").stream().allMatch("PUBLISHED"::equals));
        List<String> ids = posts.findValuesAsString("id");
        assertThat(posts.findValues("attempts")).allSatisfy(attempts -> assertThat(attempts.asInt()).isEqualTo(1));
        assertThat(deliveries).extracting(delivery -> json.readTree(delivery.body()).path("id").asString())
                .containsExactlyInAnyOrderElementsOf(ids);
        JsonNode firstPage = send("GET", base() + "/api/v1/integrations/posts?limit=1", null, user.bearer()).body();
        String cursor = firstPage.path("nextCursor").asString();
        JsonNode secondPage = send("GET", base() + "/api/v1/integrations/posts?limit=1&cursor=" + cursor, null,
                user.bearer()).body();
        assertThat(List.of(firstPage.path("items").path(0).path("id").asString(),
                secondPage.path("items").path(0).path("id").asString())).as("one post a page, newest first")
                .containsExactlyElementsOf(ids);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recorded.ofType(SocialPostPublished.class))
                .filteredOn(published -> published.owner().equals(user.id()))
                .extracting(SocialPostPublished::postId).containsExactlyInAnyOrderElementsOf(ids));
    }

    @Test
    void aWebhookAnswering500IsRetriedWithBackoffUntilItTakesThePost() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String hook = receiver.newHook("flaky", 200, 500, 503);
        setWebhook(user, hook);

        generateSocial(user, "x");

        JsonNode post = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> postsOf(user).path(0), item -> "PUBLISHED".equals(item.path("status").asString()));
        assertThat(post.path("attempts").asInt()).isEqualTo(3);
        List<Delivery> deliveries = receiver.deliveriesTo(hook);
        assertThat(deliveries).hasSize(3);
        // app.integrations.posts.first-retry-after is 200 ms in tests, doubling after each failure.
        assertThat(Duration.between(deliveries.get(0).receivedAt(), deliveries.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(deliveries.get(1).receivedAt(), deliveries.get(2).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(deliveries).extracting(delivery -> delivery.header("X-Webhook-Delivery"))
                .as("each attempt names itself").doesNotHaveDuplicates();
    }

    @Test
    void aWebhookThatAlwaysFailsEndsFailedAndTheUserIsTold() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String hook = receiver.newHook("down", 500);
        setWebhook(user, hook);

        generateSocial(user, "linkedin");

        JsonNode post = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> postsOf(user).path(0), item -> "FAILED".equals(item.path("status").asString()));
        assertThat(post.path("attempts").asInt()).isEqualTo(4);
        assertThat(post.path("lastError").asString()).contains("HTTP 500");
        assertThat(post.path("nextAttemptAt").isNull()).isTrue();
        assertThat(receiver.deliveriesTo(hook)).hasSize(4);
        JsonNode notice = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(() -> inboxOf(user),
                items -> items.findValuesAsString("type").contains("integration.post.failed"));
        assertThat(notice.toString()).contains("Your linkedin post could not be published", "HTTP 500");
        assertThat(recorded.ofType(SocialPostFailed.class)).filteredOn(failed -> failed.owner().equals(user.id()))
                .singleElement().satisfies(failed -> assertThat(failed.attempts()).isEqualTo(4));
    }

    @Test
    void aPostCancelledBeforeItIsDueIsNeverDelivered() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String hook = receiver.newHook("cancelled", 200);
        setWebhook(user, hook);
        preferPostingInTwoHours(user);

        generateSocial(user, "x");
        JsonNode scheduled = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> postsOf(user).path(0), JsonNode::isObject);
        assertThat(scheduled.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(scheduled.path("scheduledFor").asString()))
                .isAfter(clock.instant().plusSeconds(3600));
        String id = scheduled.path("id").asString();

        assertThat(send("DELETE", base() + "/api/v1/integrations/posts/" + id, null, user.bearer()).status())
                .isEqualTo(204);

        assertThat(postsOf(user).path(0).path("status").asString()).isEqualTo("CANCELLED");
        // A cancelled post leaves the index of due posts, and no dispatcher takes it even past its time.
        assertThat(posts.find(ScheduledPost.key(user.id(), id)).orElseThrow().getDueShard()).isNull();
        assertThat(dispatcher.attempt(user.id(), id, clock.instant().plus(1, ChronoUnit.DAYS))).isFalse();
        assertThat(receiver.deliveriesTo(hook)).isEmpty();
        assertThat(postsOf(user).path(0).path("attempts").asInt()).isZero();
        assertThat(send("DELETE", base() + "/api/v1/integrations/posts/" + id, null, user.bearer()).status())
                .as("cancelling again changes nothing").isEqualTo(204);
    }

    @Test
    void aPublishedPostCannotBeCancelled() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        setWebhook(user, receiver.newHook("published", 200));
        generateSocial(user, "x");
        String id = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(() -> postsOf(user).path(0),
                item -> "PUBLISHED".equals(item.path("status").asString())).path("id").asString();

        JsonResponse cancel = send("DELETE", base() + "/api/v1/integrations/posts/" + id, null, user.bearer());

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.body().path("type").asString()).isEqualTo("urn:problem-type:post-not-cancellable");
        assertThat(postsOf(user).path(0).path("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void twoDispatchersRacingForOnePostPublishItOnce() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String hook = receiver.newHook("raced", 200);
        setWebhook(user, hook);
        preferPostingInTwoHours(user);
        generateSocial(user, "x");
        String id = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> postsOf(user).path(0), JsonNode::isObject).path("id").asString();
        Instant due = clock.instant().plus(1, ChronoUnit.DAYS);

        int dispatchers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(dispatchers)) {
            for (int i = 0; i < dispatchers; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return dispatcher.attempt(user.id(), id, due);
                };
                attempts.add(pool.submit(attempt));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> attempt : attempts) {
                won += attempt.get() ? 1 : 0;
            }
            assertThat(won).as("dispatchers that won the claim").isEqualTo(1);
        }

        assertThat(receiver.deliveriesTo(hook)).hasSize(1);
        JsonNode post = postsOf(user).path(0);
        assertThat(post.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(post.path("attempts").asInt()).isEqualTo(1);
    }

    private String setWebhook(TestUser user, String path) {
        JsonResponse set = send("PUT", base() + "/api/v1/integrations/webhook",
                "{\"url\":\"%s\"}".formatted(receiver.url(path)), user.bearer());
        assertThat(set.status()).as(set.body().toString()).isEqualTo(201);
        return set.body().path("secret").asString();
    }

    private void preferPostingInTwoHours(TestUser user) {
        String time = LocalTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(send("PUT", base() + "/api/v1/integrations/preferences",
                "{\"postingTime\":\"%s\",\"zone\":\"UTC\"}".formatted(time), user.bearer()).status()).isEqualTo(200);
    }

    private String generateSocial(TestUser user, String... platforms) {
        JsonResponse accepted = send("POST", base() + "/api/v1/studio/content/social",
                "{\"topic\":\"trail running\",\"platforms\":%s}".formatted(json.writeValueAsString(platforms)),
                user.bearer());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.body().path("id").asString();
    }

    private JsonNode postsOf(TestUser user) {
        return send("GET", base() + "/api/v1/integrations/posts", null, user.bearer()).body().path("items");
    }

    private JsonNode inboxOf(TestUser user) {
        return send("GET", base() + "/api/v1/notifications", null, user.bearer()).body().path("items");
    }

    static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
