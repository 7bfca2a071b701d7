package app;

import static app.platform.operations.HttpClientSupport.send;
import static app.platform.operations.HttpClientSupport.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.integrations.WebhookReceiver;
import app.platform.PlatformIntegrationTest;
import app.platform.devservices.DevMailServer;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.OAuthTestServer;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * The accounts issue's "done when", as one user's journey over HTTP: sign up and receive the welcome e-mail, connect
 * a provider through its real authorization page, have a generated social post scheduled and delivered to the
 * webhook and to the connected provider, run a bulk CSV job and a library export, and be told when each completes.
 */
@PlatformIntegrationTest
class AccountJourneyTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DevMailServer mailServer;

    @Test
    void aNewUserIsWelcomedConnectsAProviderHasPostsDeliveredAndIsToldWhenEachJobCompletes() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        send("PUT", base() + "/api/v1/users/me/subscription", "{\"plan\":\"business\"}", user.bearer());

        await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(
                () -> get(user, "/api/v1/users/me/onboarding").body().path("status").asString(), "COMPLETED"::equals);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailServer.received())
                .filteredOn(mail -> mail.to().toString().contains(user.email()))
                .extracting(mail -> mail.subject()).contains("Welcome to Content Platform"));

        URI callback = OAuthTestServer.authorizeInBrowser(get(user, "/api/v1/integrations/"
                + OAuthTestServer.PROVIDER + "/connect").body().path("authorizationUrl").asString());
        assertThat(send("GET", callback.toString()).status()).isEqualTo(303);
        assertThat(get(user, "/api/v1/integrations").body().path("items").path(0).path("status").asString())
                .isEqualTo("CONNECTED");
        WebhookReceiver receiver = WebhookReceiver.instance();
        String hook = receiver.newHook("journey", 200);
        assertThat(send("PUT", base() + "/api/v1/integrations/webhook",
                "{\"url\":\"" + receiver.url(hook) + "\"}", user.bearer()).status()).isEqualTo(201);

        String generation = send("POST", base() + "/api/v1/studio/content/social",
                "{\"topic\":\"autumn launch\",\"platforms\":[\"x\"]}", user.bearer()).body().path("id").asString();

        JsonNode posts = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> get(user, "/api/v1/integrations/posts").body().path("items"), items -> items.size() == 2
                        && items.findValuesAsString("status").stream().allMatch("PUBLISHED"::equals));
        assertThat(posts.findValuesAsString("target")).containsExactlyInAnyOrder("webhook", OAuthTestServer.PROVIDER);
        assertThat(receiver.deliveriesTo(hook)).singleElement().satisfies(delivery -> assertThat(
                new String(delivery.body(), StandardCharsets.UTF_8)).contains(generation));
        assertThat(OAuthTestServer.posts()).anySatisfy(post -> assertThat(post.body()).contains(generation));

        JsonResponse bulk = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "listings.csv",
                "productName,features,audience\nTrail Pack,rain cover,hikers\nDesk Lamp,dimmable,home offices\n"
                        .getBytes(StandardCharsets.UTF_8), user.bearer());
        assertThat(bulk.status()).isEqualTo(202);
        JsonResponse export = send("POST", base() + "/api/v1/library/exports", null, user.bearer());
        assertThat(export.status()).isEqualTo(202);
        assertThat(awaitCompleted(user, bulk).path("result").path("generations").asInt()).isEqualTo(2);
        awaitCompleted(user, export);

        await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL).until(() -> get(user, "/api/v1/notifications")
                .body().path("items").findValuesAsString("type").stream().filter("background.job.completed"::equals)
                .count() == 2);
    }

    private JsonNode awaitCompleted(TestUser user, JsonResponse started) {
        String location = started.header("Location").orElseThrow();
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> get(user, location).body(),
                job -> job.path("status").asString().equals("COMPLETED"));
    }

    private JsonResponse get(TestUser user, String path) {
        return send("GET", base() + path, null, user.bearer());
    }

    /** The loopback address, not {@code localhost}: the authorization server accepts loopback redirect URIs by IP. */
    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
