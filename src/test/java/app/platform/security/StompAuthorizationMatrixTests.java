package app.platform.security;

import static app.platform.operations.HttpClientSupport.send;
import static app.platform.security.StompAuthorizationMatrixTests.Expect.RECEIVES;
import static app.platform.security.StompAuthorizationMatrixTests.Expect.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/**
 * Who may subscribe to what over STOMP: every destination against the owner of a library item, a collaborator on it,
 * a stranger, and a client without a token. A refused subscription gets an ERROR frame (with the SUBSCRIBE's receipt
 * id) and the connection closes; a client without a token never gets past CONNECT.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StompAuthorizationMatrixTests {

    enum Expect {
        RECEIVES, REFUSED
    }

    enum Caller {
        OWNER, COLLABORATOR, STRANGER, NO_TOKEN
    }

    /** {item} is the owner's library item (shared with the collaborator), {owner} the owner's id, {tracker} the owner's tracker. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // destination                               owner     collaborator stranger  no token
                row("/user/queue/generations",               RECEIVES, RECEIVES,    RECEIVES, REFUSED),
                row("/user/queue/alerts",                    RECEIVES, RECEIVES,    RECEIVES, REFUSED),
                row("/user/queue/notifications",             RECEIVES, RECEIVES,    RECEIVES, REFUSED),
                row("/topic/library/items/{item}",           RECEIVES, RECEIVES,    REFUSED,  REFUSED),
                row("/topic/research/trackers/{tracker}",    RECEIVES, REFUSED,     REFUSED,  REFUSED),
                // Another user's queue named explicitly, the broker's queues directly, unknown destinations.
                row("/user/{owner}/queue/notifications",     REFUSED,  REFUSED,     REFUSED,  REFUSED),
                row("/queue/notifications",                  REFUSED,  REFUSED,     REFUSED,  REFUSED),
                row("/topic/library/items/{item}/../other",  REFUSED,  REFUSED,     REFUSED,  REFUSED),
                row("/topic/unknown",                        REFUSED,  REFUSED,     REFUSED,  REFUSED),
                row("/app/library/items/{item}",             REFUSED,  REFUSED,     REFUSED,  REFUSED))
                .flatMap(row -> row);
    }

    @LocalServerPort
    int port;

    private TestUser owner;
    private TestUser collaborator;
    private TestUser stranger;
    private String item;
    private String tracker;

    @BeforeAll
    void anItemSharedWithACollaborator() {
        owner = TestUsers.signUpAndLogIn(base());
        collaborator = TestUsers.signUpAndLogIn(base());
        stranger = TestUsers.signUpAndLogIn(base());
        item = OwnedEndpoints.libraryItem(base(), owner);
        tracker = OwnedEndpoints.tracker(base(), owner);
        await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL).until(() -> send("POST",
                base() + "/api/v1/library/items/" + item + "/collaborators",
                "{\"email\":\"" + collaborator.email() + "\"}", owner.bearer()).status(),
                status -> status == 201 || status == 200);
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void subscribing(String destination, Caller caller, Expect expected) {
        String resolved = destination.replace("{item}", item).replace("{owner}", owner.id())
                .replace("{tracker}", tracker);
        try (StompTestClient client = StompTestClient.connect(port, tokenOf(caller))) {
            if (caller == Caller.NO_TOKEN) {
                assertThat(client.connected()).isFalse();
                assertThat(client.errors()).singleElement().asString().startsWith("Unauthorized");
                return;
            }
            assertThat(client.connected()).isTrue();

            StompTestClient.Subscription subscription = client.subscribe(resolved);

            if (expected == RECEIVES) {
                assertThat(subscription.accepted()).isTrue();
                assertThat(client.errors()).isEmpty();
            }
            else {
                assertThat(subscription.accepted()).isFalse();
                assertThat(subscription.refused()).as("an ERROR frame answers the SUBSCRIBE's receipt").isTrue();
                assertThat(client.errors()).singleElement().asString().startsWith("Forbidden");
                await().atMost(Duration.ofSeconds(5)).until(client::closed);
            }
        }
    }

    private String tokenOf(Caller caller) {
        return switch (caller) {
            case OWNER -> owner.accessToken();
            case COLLABORATOR -> collaborator.accessToken();
            case STRANGER -> stranger.accessToken();
            case NO_TOKEN -> null;
        };
    }

    private static Stream<Arguments> row(String destination, Expect owner, Expect collaborator, Expect stranger,
            Expect noToken) {
        return Stream.of(Arguments.of(destination, Caller.OWNER, owner),
                Arguments.of(destination, Caller.COLLABORATOR, collaborator),
                Arguments.of(destination, Caller.STRANGER, stranger),
                Arguments.of(destination, Caller.NO_TOKEN, noToken));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
