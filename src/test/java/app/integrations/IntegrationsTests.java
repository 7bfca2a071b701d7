package app.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.DynamoDbTables;
import app.platform.dynamodb.SortableTime;
import app.platform.operations.HttpClientSupport;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.OAuthTestServer;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Connecting a social account through a real OAuth 2.0 authorization server ({@link OAuthTestServer}), driven like a
 * browser: the authorization code flow with PKCE, the state that authenticates the callback, tokens encrypted at
 * rest, refresh before expiry, expiry when the provider refuses, and disconnecting with revocation.
 */
@PlatformIntegrationTest
class IntegrationsTests {

    private static final String PROVIDER = OAuthTestServer.PROVIDER;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    ConnectedAccounts connectedAccounts;

    @Autowired
    TokenCipher cipher;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    DynamoDbTables tables;

    @Autowired
    Clock clock;

    @Test
    void aUserConnectsThroughTheProvidersAuthorizationPageAndSeesTheConnection() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse started = connect(user, PROVIDER);
        assertThat(started.status()).isEqualTo(200);
        String authorizationUrl = started.body().path("authorizationUrl").asString();
        assertThat(authorizationUrl).startsWith(OAuthTestServer.url() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=content-platform", "code_challenge_method=S256",
                        "code_challenge=", "state=" + started.body().path("state").asString());
        assertThat(rawPendingAuthorization(started.body().path("state").asString()).get("codeVerifier").s())
                .as("the PKCE verifier is kept server side, encrypted").startsWith("v1:");

        URI callback = OAuthTestServer.authorizeInBrowser(authorizationUrl);
        assertThat(callback.toString()).startsWith(base() + "/api/v1/integrations/" + PROVIDER + "/callback?code=");
        JsonResponse completed = HttpClientSupport.send("GET", callback.toString());

        assertThat(completed.status()).isEqualTo(303);
        assertThat(completed.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/?connected=" + PROVIDER));
        JsonNode listed = list(user).path("items");
        assertThat(listed).hasSize(1);
        JsonNode connection = listed.path(0);
        assertThat(connection.path("provider").asString()).isEqualTo(PROVIDER);
        assertThat(connection.path("status").asString()).isEqualTo("CONNECTED");
        assertThat(connection.path("scopes").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("profile", "posts.write");
        assertThat(Instant.parse(connection.path("connectedAt").asString())).isBefore(clock.instant().plusSeconds(1));
        assertThat(Instant.parse(connection.path("expiresAt").asString())).isAfter(clock.instant().plusSeconds(200));
        assertThat(connection.toString()).doesNotContainIgnoringCase("token");

        Map<String, AttributeValue> item = rawConnection(user);
        String accessToken = cipher.decrypt(item.get("accessToken").s());
        String refreshToken = cipher.decrypt(item.get("refreshToken").s());
        assertThat(OAuthTestServer.isActive(accessToken)).as("the stored token is the one the server issued").isTrue();
        assertThat(item.values().stream().map(AttributeValue::toString))
                .as("no token is stored in plain text")
                .noneMatch(value -> value.contains(accessToken) || value.contains(refreshToken));
        assertThat(connectedAccounts.connectedProviders(user.id())).containsExactly(PROVIDER);
        assertThat(connectedAccounts.accessToken(user.id(), PROVIDER)).contains(accessToken);
    }

    @Test
    void aStateWorksOnceAndOnlyForItsProvider() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        URI callback = OAuthTestServer.authorizeInBrowser(
                connect(user, PROVIDER).body().path("authorizationUrl").asString());
        assertThat(HttpClientSupport.send("GET", callback.toString()).status()).isEqualTo(303);
        Instant connectedAt = Instant.parse(list(user).path("items").path(0).path("connectedAt").asString());

        JsonResponse replayed = HttpClientSupport.send("GET", callback.toString());

        assertInvalidState(replayed);
        assertThat(Instant.parse(list(user).path("items").path(0).path("connectedAt").asString()))
                .as("the replay stored nothing").isEqualTo(connectedAt);

        String otherProvidersState = connect(user, "failing-test-server").body().path("state").asString();
        assertInvalidState(HttpClientSupport.send("GET",
                callbackUrl(PROVIDER, "code=anything&state=" + otherProvidersState)));
    }

    @Test
    void anUnknownOrExpiredStateIsRefusedAndNothingIsStored() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        assertInvalidState(HttpClientSupport.send("GET", callbackUrl(PROVIDER, "code=anything&state=made-up")));
        assertInvalidState(HttpClientSupport.send("GET", callbackUrl(PROVIDER, "code=anything")));

        JsonResponse started = connect(user, PROVIDER);
        expire(started.body().path("state").asString());
        URI callback = OAuthTestServer.authorizeInBrowser(started.body().path("authorizationUrl").asString());
        assertInvalidState(HttpClientSupport.send("GET", callback.toString()));

        assertThat(list(user).path("items")).isEmpty();
    }

    @Test
    void anAuthorizationNeverCompletedIsRemovedOnceItsStateExpired() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String state = connect(user, PROVIDER).body().path("state").asString();
        assertThat(rawPendingAuthorization(state)).isNotEmpty();

        dynamoDb.updateItem(request -> request.tableName(table()).key(pendingKey(state))
                .updateExpression("SET expiresAt = :past, expiryDue = :pastSortable")
                .expressionAttributeValues(Map.of(
                        ":past", AttributeValue.fromS(clock.instant().minusSeconds(1).toString()),
                        ":pastSortable", AttributeValue.fromS(SortableTime.format(clock.instant().minusSeconds(1))))));

        await().atMost(PATIENCE).until(() -> rawPendingAuthorization(state).isEmpty());
    }

    @Test
    void aDeniedAuthorizationIsAProblemAndConsumesTheState() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String state = connect(user, PROVIDER).body().path("state").asString();

        JsonResponse denied = HttpClientSupport.send("GET", callbackUrl(PROVIDER,
                "error=access_denied&error_description=The+user+said+no&state=" + state));

        assertThat(denied.status()).isEqualTo(400);
        assertThat(denied.body().path("type").asString()).isEqualTo("urn:problem-type:oauth-authorization-refused");
        assertThat(denied.body().path("detail").asString()).contains("access_denied");
        assertThat(list(user).path("items")).isEmpty();
        assertInvalidState(HttpClientSupport.send("GET", callbackUrl(PROVIDER, "code=late&state=" + state)));
    }

    @Test
    void aFailingTokenEndpointIsABadGatewayAndNothingIsStored() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        URI callback = OAuthTestServer.authorizeInBrowser(
                connect(user, "failing-test-server").body().path("authorizationUrl").asString());

        JsonResponse failed = HttpClientSupport.send("GET", callback.toString());

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.body().path("type").asString()).isEqualTo("urn:problem-type:oauth-provider-unavailable");
        assertThat(list(user).path("items")).isEmpty();
    }

    @Test
    void anUnknownProviderIsNotFound() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse connect = connect(user, "myspace");
        JsonResponse callback = HttpClientSupport.send("GET", callbackUrl("myspace", "code=a&state=b"));
        // Configured as an example, but disabled.
        JsonResponse disabled = connect(user, "linkedin");

        for (JsonResponse answer : new JsonResponse[] { connect, callback, disabled }) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body().path("type").asString()).isEqualTo("urn:problem-type:not-found");
        }
        assertThat(HttpClientSupport.send("GET", base() + "/api/v1/integrations/" + PROVIDER + "/connect").status())
                .as("connect needs the user's access token").isEqualTo(401);
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeItExpires() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        connectThroughBrowser(user);
        String before = cipher.decrypt(rawConnection(user).get("accessToken").s());

        expireSoon(user);

        String after = await().atMost(PATIENCE).until(() -> cipher.decrypt(rawConnection(user).get("accessToken").s()),
                token -> !token.equals(before));
        assertThat(OAuthTestServer.isActive(after)).isTrue();
        JsonNode connection = list(user).path("items").path(0);
        assertThat(connection.path("status").asString()).isEqualTo("CONNECTED");
        assertThat(Instant.parse(connection.path("expiresAt").asString())).isAfter(clock.instant().plusSeconds(200));
        assertThat(connectedAccounts.accessToken(user.id(), PROVIDER)).contains(after);
    }

    @Test
    void aRefusedRefreshExpiresTheConnectionAndTellsTheUser() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());
        connectThroughBrowser(user);
        // The user withdraws the grant at the provider: its refresh token no longer works.
        OAuthTestServer.revoke(cipher.decrypt(rawConnection(user).get("refreshToken").s()));

        expireSoon(user);

        await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> list(user).path("items").path(0).path("status").asString(), "EXPIRED"::equals);
        JsonNode notice = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> HttpClientSupport.send("GET", base() + "/api/v1/notifications", null, user.bearer()).body()
                        .path("items").path(0),
                item -> "integration.oauth.expired".equals(item.path("type").asString()));
        assertThat(notice.path("title").asString()).contains("Test Social");
        assertThat(connectedAccounts.connectedProviders(user.id())).isEmpty();
        assertThat(connectedAccounts.accessToken(user.id(), PROVIDER)).isEmpty();
    }

    @Test
    void disconnectingRevokesTheGrantAtTheProvider() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        connectThroughBrowser(user);
        Map<String, AttributeValue> item = rawConnection(user);
        String accessToken = cipher.decrypt(item.get("accessToken").s());
        String refreshToken = cipher.decrypt(item.get("refreshToken").s());
        int revocationsBefore = OAuthTestServer.revocationRequests();

        JsonResponse disconnected = HttpClientSupport.send("DELETE", base() + "/api/v1/integrations/" + PROVIDER,
                null, user.bearer());

        assertThat(disconnected.status()).isEqualTo(204);
        assertThat(list(user).path("items")).isEmpty();
        assertThat(OAuthTestServer.revocationRequests()).isGreaterThan(revocationsBefore);
        assertThat(OAuthTestServer.isActive(refreshToken)).isFalse();
        assertThat(OAuthTestServer.isActive(accessToken)).isFalse();
        JsonResponse again = HttpClientSupport.send("DELETE", base() + "/api/v1/integrations/" + PROVIDER, null,
                user.bearer());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body().path("type").asString()).isEqualTo("urn:problem-type:not-found");
    }

    @Test
    void generatedSocialPostsArePublishedToTheConnectedProviderWithTheUsersAccessToken() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        connectThroughBrowser(user);
        String accessToken = cipher.decrypt(rawConnection(user).get("accessToken").s());

        String generation = HttpClientSupport.send("POST", base() + "/api/v1/studio/content/social",
                "{\"topic\":\"connected providers\",\"platforms\":[\"linkedin\"]}", user.bearer()).body()
                .path("id").asString();

        JsonNode post = await().atMost(PATIENCE).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> HttpClientSupport.send("GET", base() + "/api/v1/integrations/posts", null, user.bearer())
                        .body().path("items").path(0), item -> "PUBLISHED".equals(item.path("status").asString()));
        assertThat(post.path("target").asString()).isEqualTo(PROVIDER);
        assertThat(post.path("generationId").asString()).isEqualTo(generation);
        OAuthTestServer.ReceivedPost received = OAuthTestServer.posts().stream()
                .filter(candidate -> candidate.body().contains(post.path("id").asString())).findFirst().orElseThrow();
        assertThat(received.authorization()).isEqualTo("Bearer " + accessToken);
        assertThat(received.body()).contains("\"platform\":\"linkedin\"", "\"generationId\":\"" + generation + "\"");
    }

    private void connectThroughBrowser(TestUser user) {
        URI callback = OAuthTestServer.authorizeInBrowser(
                connect(user, PROVIDER).body().path("authorizationUrl").asString());
        assertThat(HttpClientSupport.send("GET", callback.toString()).status()).isEqualTo(303);
    }

    /** The access token now expires within the refresh margin, as it would a few minutes before its end. */
    private void expireSoon(TestUser user) {
        Connection connection = connections.find(Connection.key(user.id(), PROVIDER)).orElseThrow();
        connection.setTokenExpiresAt(clock.instant().plusSeconds(10));
        connections.save(connection);
    }

    /**
     * Moves the expiry the callback checks into the past, as if the user had taken too long; the sweeper's index
     * entry is left as it was, so the callback, not the sweeper, meets the expired state.
     */
    private void expire(String state) {
        dynamoDb.updateItem(request -> request.tableName(table()).key(pendingKey(state))
                .updateExpression("SET expiresAt = :past")
                .expressionAttributeValues(Map.of(":past",
                        AttributeValue.fromS(clock.instant().minusSeconds(1).toString()))));
    }

    private static void assertInvalidState(JsonResponse answer) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("type").asString()).isEqualTo("urn:problem-type:invalid-oauth-state");
    }

    private JsonResponse connect(TestUser user, String provider) {
        return HttpClientSupport.send("GET", base() + "/api/v1/integrations/" + provider + "/connect", null,
                user.bearer());
    }

    private JsonNode list(TestUser user) {
        JsonResponse listed = HttpClientSupport.send("GET", base() + "/api/v1/integrations", null, user.bearer());
        assertThat(listed.status()).isEqualTo(200);
        return listed.body();
    }

    private Map<String, AttributeValue> rawConnection(TestUser user) {
        return dynamoDb.getItem(request -> request.tableName(table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("USER#" + user.id()),
                        "sk", AttributeValue.fromS("CONNECTION#" + PROVIDER)))).item();
    }

    private Map<String, AttributeValue> rawPendingAuthorization(String state) {
        return dynamoDb.getItem(request -> request.tableName(table()).consistentRead(true).key(pendingKey(state)))
                .item();
    }

    private static Map<String, AttributeValue> pendingKey(String state) {
        return Map.of("pk", AttributeValue.fromS("STATE#" + PendingAuthorization.hash(state)),
                "sk", AttributeValue.fromS("STATE"));
    }

    private String callbackUrl(String provider, String query) {
        return base() + "/api/v1/integrations/" + provider + "/callback?" + query;
    }

    private String table() {
        return tables.physicalName(IntegrationsTable.CONNECTIONS);
    }

    /** A loopback IP literal: the test server accepts loopback redirect URIs on any port. */
    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
