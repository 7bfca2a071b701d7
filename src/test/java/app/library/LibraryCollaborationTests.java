package app.library;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * Sharing a library item: the owner adds collaborators by e-mail address; they read and edit the item and follow its
 * STOMP topic, where everyone sees who is present and each edit. Anyone else finds nothing.
 */
@PlatformIntegrationTest
class LibraryCollaborationTests {

    @LocalServerPort
    int port;

    @Autowired
    LibraryManagement library;

    @Test
    void aCollaboratorReadsAndEditsTheItemAndAStrangerFindsNothing() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser collaborator = TestUsers.signUpAndLogIn(base());
        TestUser stranger = TestUsers.signUpAndLogIn(base());
        String id = item(owner);

        JsonResponse added = addCollaborator(owner, id, collaborator.email().toUpperCase());
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).hasValue(collaborators(id) + "/" + collaborator.id());
        assertThat(added.body().path("userId").asString()).isEqualTo(collaborator.id());
        assertThat(addCollaborator(owner, id, collaborator.email()).status()).as("adding again changes nothing")
                .isEqualTo(200);
        assertThat(send("GET", base() + collaborators(id), null, owner.bearer()).body().path("items")
                .findValuesAsString("email")).containsExactly(collaborator.email());

        JsonResponse read = send("GET", url(id), null, collaborator.bearer());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("title").asString()).isEqualTo("First draft");
        JsonResponse edited = send("PUT", url(id), "{\"title\":\"Shared draft\",\"body\":\"Ours.\",\"version\":1}",
                collaborator.bearer());
        assertThat(edited.status()).isEqualTo(200);
        assertThat(send("GET", url(id), null, owner.bearer()).body().path("title").asString())
                .isEqualTo("Shared draft");

        assertThat(send("GET", url(id), null, stranger.bearer()).status()).isEqualTo(404);
        assertThat(send("PUT", url(id), "{\"title\":\"Mine\",\"body\":\"Mine.\",\"version\":2}", stranger.bearer())
                .status()).isEqualTo(404);
        assertThat(addCollaborator(collaborator, id, stranger.email()).status())
                .as("only the owner shares the item").isEqualTo(404);
        assertThat(send("GET", base() + collaborators(id), null, collaborator.bearer()).status()).isEqualTo(404);
        assertThat(send("DELETE", url(id), null, collaborator.bearer()).status()).isEqualTo(404);
        assertThat(send("GET", base() + "/api/v1/library/items", null, collaborator.bearer()).body().path("items")
                .findValuesAsString("id")).as("the list holds the caller's own items").doesNotContain(id);
    }

    @Test
    void removingACollaboratorEndsTheirAccess() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser collaborator = TestUsers.signUpAndLogIn(base());
        String id = item(owner);
        addCollaborator(owner, id, collaborator.email());

        assertThat(send("DELETE", base() + collaborators(id) + "/" + collaborator.id(), null, owner.bearer())
                .status()).isEqualTo(204);

        assertThat(send("GET", url(id), null, collaborator.bearer()).status()).isEqualTo(404);
        assertThat(send("GET", base() + collaborators(id), null, owner.bearer()).body().path("items")).isEmpty();
        assertThat(send("DELETE", base() + collaborators(id) + "/" + collaborator.id(), null, owner.bearer())
                .status()).isEqualTo(404);
    }

    @Test
    void anAddressOfNoUserIsUnprocessableAndTheOwnAddressIsInvalidInput() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        String id = item(owner);

        JsonResponse unknown = send("POST", base() + collaborators(id),
                "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\"}", owner.bearer());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("type").asString()).isEqualTo("urn:problem-type:unknown-user");

        JsonResponse own = addCollaborator(owner, id, owner.email());
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.body().path("type").asString()).isEqualTo("urn:problem-type:invalid-input");
        JsonResponse notAnAddress = send("POST", base() + collaborators(id), "{\"email\":\"not an address\"}",
                owner.bearer());
        assertThat(notAnAddress.status()).isEqualTo(400);
        assertThat(send("GET", base() + collaborators(id), null, owner.bearer()).body().path("items")).isEmpty();
    }

    @Test
    void theItemsTopicShowsPresenceAndEditsToOwnerAndCollaborator() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser collaborator = TestUsers.signUpAndLogIn(base());
        String id = item(owner);
        addCollaborator(owner, id, collaborator.email());
        String topic = "/topic/library/items/" + id;

        try (StompTestClient ownerClient = StompTestClient.connect(port, owner.accessToken())) {
            StompTestClient.Subscription ownerView = ownerClient.subscribe(topic);
            assertThat(ownerView.accepted()).isTrue();

            StompTestClient collaboratorClient = StompTestClient.connect(port, collaborator.accessToken());
            StompTestClient.Subscription collaboratorView = collaboratorClient.subscribe(topic);
            assertThat(collaboratorView.accepted()).isTrue();
            JsonNode joined = ownerView.await(message -> isPresence(message, collaborator, true));
            assertThat(joined.path("displayName").asString()).isEqualTo("Test User");

            send("PUT", url(id), "{\"title\":\"Together\",\"body\":\"Ours.\",\"version\":1}", collaborator.bearer());
            for (StompTestClient.Subscription view : new StompTestClient.Subscription[] { ownerView,
                    collaboratorView }) {
                JsonNode edit = view.await(message -> message.path("type").asString().equals("edit"));
                assertThat(edit.path("version").asLong()).isEqualTo(2);
                assertThat(edit.path("editorId").asString()).isEqualTo(collaborator.id());
            }

            collaboratorView.unsubscribe();
            ownerView.await(message -> isPresence(message, collaborator, false));

            StompTestClient.Subscription again = collaboratorClient.subscribe(topic);
            assertThat(again.accepted()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> ownerView.messages().stream()
                    .filter(message -> isPresence(message, collaborator, true)).count() == 2);
            collaboratorClient.close();
            await("a disconnect leaves the topic").atMost(Duration.ofSeconds(10)).until(() -> ownerView
                    .messages().stream().filter(message -> isPresence(message, collaborator, false)).count() == 2);
        }
    }

    private static boolean isPresence(JsonNode message, TestUser user, boolean present) {
        return message.path("type").asString().equals("presence")
                && message.path("userId").asString().equals(user.id())
                && message.path("present").asBoolean() == present;
    }

    /** Adds the collaborator once the library has heard of their account (its copy is fed by the users' events). */
    private JsonResponse addCollaborator(TestUser owner, String id, String email) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> send("POST", base() + collaborators(id), "{\"email\":\"" + email + "\"}", owner.bearer()),
                        response -> response.status() != 422
                                || !response.body().path("type").asString().equals("urn:problem-type:unknown-user"));
    }

    private String item(TestUser owner) {
        String id = UUID.randomUUID().toString();
        library.saveGenerated(id, owner.id(), "blog", "First draft", "Body.");
        return id;
    }

    private static String collaborators(String id) {
        return "/api/v1/library/items/" + id + "/collaborators";
    }

    private String url(String id) {
        return base() + "/api/v1/library/items/" + id;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
