package app.platform.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import app.users.ExpiredAccessTokens;

/**
 * The STOMP endpoint {@code /ws} over a real WebSocket: who may connect (a valid access token in the CONNECT frame
 * or at the handshake), from which origins, and with which heart-beats.
 */
@PlatformIntegrationTest
class StompConnectionTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext application;

    @Test
    void aValidAccessTokenInTheConnectFrameOpensASessionWithHeartbeatsBothWays() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        try (StompTestClient client = StompTestClient.connect(port, user.accessToken())) {
            assertThat(client.connected()).isTrue();
            assertThat(client.errors()).isEmpty();
            assertThat(client.connectedHeaders().getHeartbeat()).containsExactly(10_000, 10_000);
        }
    }

    @Test
    void connectWithoutATokenGetsAnErrorFrameAndTheConnectionCloses() {
        assertRefused(StompTestClient.connect(port, null));
    }

    @Test
    void connectWithAMalformedOrForgedTokenGetsAnErrorFrameAndTheConnectionCloses() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String[] parts = user.accessToken().split("\\.");

        assertRefused(StompTestClient.connect(port, "not-a-token"));
        assertRefused(StompTestClient.connect(port, parts[0] + "." + parts[1] + ".c2lnbmF0dXJl"));
    }

    @Test
    void connectWithAnExpiredTokenGetsAnErrorFrameAndTheConnectionCloses() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        assertRefused(StompTestClient.connect(port, ExpiredAccessTokens.of(application, user.id())));
    }

    @Test
    void aTokenInTheHandshakeQueryAuthenticatesAConnectWithoutHeader() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        try (StompTestClient client = StompTestClient.connect(url() + "?access_token=" + user.accessToken(),
                new WebSocketHttpHeaders(), new StompHeaders())) {
            assertThat(client.connected()).isTrue();
        }
        assertRefused(StompTestClient.connect(url() + "?access_token=not-a-token", new WebSocketHttpHeaders(),
                new StompHeaders()));
    }

    @Test
    void theOwnOriginAndConfiguredOriginsMayOpenTheSocketAndOthersGet403() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        try (StompTestClient own = connectFrom(base(), user); StompTestClient configured = connectFrom(
                "https://app.example.com", user)) {
            assertThat(own.connected()).isTrue();
            assertThat(configured.connected()).isTrue();
        }
        StompTestClient foreign = connectFrom("https://evil.example.net", user);
        assertThat(foreign.connected()).isFalse();
        assertThat(foreign.handshakeFailure()).hasStackTraceContaining("403");
    }

    @Test
    void clientsSendNothingOverStompTheyChangeStateThroughTheApi() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        for (String destination : new String[] { "/app/library/items/1", "/topic/library/items/1",
                "/user/queue/notifications" }) {
            try (StompTestClient client = StompTestClient.connect(port, user.accessToken())) {
                client.send(destination, Map.of("type", "edit"));

                await().atMost(Duration.ofSeconds(10)).until(client::closed);
                assertThat(client.errors()).singleElement().asString().startsWith("Forbidden");
            }
        }
    }

    private StompTestClient connectFrom(String origin, TestUser user) {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.setOrigin(origin);
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + user.accessToken());
        return StompTestClient.connect(url(), handshake, connect);
    }

    private static void assertRefused(StompTestClient client) {
        assertThat(client.connected()).isFalse();
        assertThat(client.errors()).singleElement().asString().startsWith("Unauthorized");
        assertThat(client.closed()).as("the server closes the connection after the ERROR frame").isTrue();
    }

    private String url() {
        return "ws://localhost:" + port + "/ws";
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
