package app.integrations;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * The webhook provider's API: a webhook answers its signing secret once, shows itself without it, and is refused
 * (400 {@code webhook-url-refused}, nothing stored) unless it is {@code https} to a public address; a webhook whose
 * host reaches a non-public address by the time of delivery is not called.
 */
@PlatformIntegrationTest
class WebhookApiTests {

    private static final String REFUSED = "urn:problem-type:webhook-url-refused";

    @LocalServerPort
    int port;

    @Autowired
    WebhookTargets targets;

    @Autowired
    SigningSecrets secrets;

    @Autowired
    Clock clock;

    private final WebhookReceiver receiver = WebhookReceiver.instance();

    @Test
    void aWebhookAnswersItsSecretOnceAndShowsItselfWithoutIt() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String url = receiver.url(receiver.newHook("api", 200));
        Instant before = clock.instant();

        JsonResponse created = put(user, url);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("url").asString()).isEqualTo(url);
        String secret = created.body().path("secret").asString();
        assertThat(secret).matches("[0-9a-f]{64}");
        JsonResponse shown = send("GET", base() + "/api/v1/integrations/webhook", null, user.bearer());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().path("url").asString()).isEqualTo(url);
        assertThat(Instant.parse(shown.body().path("createdAt").asString())).isBetween(before, clock.instant());
        assertThat(shown.body().has("secret")).isFalse();
        assertThat(shown.body().toString()).doesNotContain(secret);
        WebhookTarget stored = targets.find(WebhookTarget.key(user.id())).orElseThrow();
        assertThat(stored.getEncryptedSecret()).as("stored encrypted").doesNotContain(secret);

        JsonResponse replaced = put(user, url);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().path("secret").asString()).as("a new secret on every set").isNotEqualTo(secret);

        assertThat(send("DELETE", base() + "/api/v1/integrations/webhook", null, user.bearer()).status())
                .isEqualTo(204);
        assertThat(send("GET", base() + "/api/v1/integrations/webhook", null, user.bearer()).status())
                .isEqualTo(404);
        assertThat(send("DELETE", base() + "/api/v1/integrations/webhook", null, user.bearer()).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8443/hook", "ftp://example.com/hook", "https://127.0.0.1/hook",
            "https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://172.16.5.4/hook",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook",
            "https://2130706433/hook", "https://user:password@localhost/hook", "https:///hook", "not a url",
            "https://no-such-host.invalid/hook" })
    void aUrlThatIsNotHttpsToAPublicAddressIsRefused(String url) {
        TestUser user = refusedUser();

        JsonResponse refused = put(user, url);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("type").asString()).isEqualTo(REFUSED);
        assertThat(send("GET", base() + "/api/v1/integrations/webhook", null, user.bearer()).status())
                .as("nothing stored").isEqualTo(404);
    }

    @Test
    void aLoopbackHostThatIsNotAllowListedIsRefusedAfterResolvingIt() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        // "localhost" is allow-listed in tests; the same machine under another name is not.
        JsonResponse refused = put(user, "https://localhost.localdomain." + ":" + receiver.port() + "/hook");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("type").asString()).isEqualTo(REFUSED);
    }

    @Test
    void aWebhookThatReachesANonPublicAddressAtDeliveryIsNotCalled() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String hook = receiver.newHook("rebound", 200);
        // As if the host resolved elsewhere after it was checked: the stored URL now reaches the loopback address,
        // which is not allow-listed (only the name localhost is).
        String secret = secrets.newSecret();
        targets.save(WebhookTarget.of(user.id(), "https://127.0.0.1:" + receiver.port() + hook,
                secrets.encrypt(user.id(), secret), clock.instant()));

        send("POST", base() + "/api/v1/studio/content/social", "{\"topic\":\"rebinding\",\"platforms\":[\"x\"]}",
                user.bearer());

        JsonNode post = await().atMost(Duration.ofSeconds(30)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> send("GET", base() + "/api/v1/integrations/posts", null, user.bearer()).body()
                        .path("items").path(0), item -> item.path("attempts").asInt() >= 1
                                && !item.path("lastError").isNull() && !item.path("lastError").isMissingNode());
        assertThat(post.path("lastError").asString()).contains("non-public address");
        assertThat(post.path("status").asString()).isNotEqualTo("PUBLISHED");
        assertThat(receiver.deliveriesTo(hook)).isEmpty();
    }

    @Test
    void aPostingTimeMustBeATimeOfDayInAKnownZone() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse refused = send("PUT", base() + "/api/v1/integrations/preferences",
                "{\"postingTime\":\"25:00\",\"zone\":\"Mars/Olympus\"}", user.bearer());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsString("field")).containsExactly("postingTime", "zone");
        JsonResponse set = send("PUT", base() + "/api/v1/integrations/preferences",
                "{\"postingTime\":\"09:30\",\"zone\":\"Europe/Paris\"}", user.bearer());
        assertThat(set.status()).isEqualTo(200);
        JsonNode shown = send("GET", base() + "/api/v1/integrations/preferences", null, user.bearer()).body();
        assertThat(shown.path("postingTime").asString()).isEqualTo("09:30");
        assertThat(shown.path("zone").asString()).isEqualTo("Europe/Paris");
    }

    /** One user for every refused URL (signing up takes a while); nothing is ever stored for it. */
    private static TestUser refused;

    private synchronized TestUser refusedUser() {
        if (refused == null) {
            refused = TestUsers.signUpAndLogIn(base());
        }
        return refused;
    }

    private JsonResponse put(TestUser user, String url) {
        return send("PUT", base() + "/api/v1/integrations/webhook", "{\"url\":\"%s\"}".formatted(url),
                user.bearer());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
