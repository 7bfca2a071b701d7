package app.library;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/** Editing a library item: only over the version edited, earlier versions kept, deletion. */
@PlatformIntegrationTest
class LibraryEditingTests {

    @LocalServerPort
    int port;

    @Autowired
    LibraryManagement library;

    @Test
    void anEditOverTheCurrentVersionKeepsThePreviousOne() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = item(user);
        JsonResponse read = send("GET", url(id), null, user.bearer());
        assertThat(read.header("ETag")).hasValue("\"1\"");

        JsonResponse edited = send("PUT", url(id), "{\"title\":\"Second draft\",\"body\":\"Better.\"}",
                bearerAnd(user, "If-Match", "\"1\""));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.header("ETag")).hasValue("\"2\"");
        assertThat(edited.body().path("title").asString()).isEqualTo("Second draft");
        JsonResponse versions = send("GET", url(id) + "/versions", null, user.bearer());
        assertThat(versions.body().path("items").findValuesAsString("title"))
                .containsExactly("Second draft", "First draft");
    }

    @Test
    void aStaleEditIsRefusedAndTheItemKeepsTheOtherChange() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = item(user);
        send("PUT", url(id), "{\"title\":\"Theirs\",\"body\":\"Theirs.\"}", bearerAnd(user, "If-Match", "\"1\""));

        JsonResponse withIfMatch = send("PUT", url(id), "{\"title\":\"Mine\",\"body\":\"Mine.\"}",
                bearerAnd(user, "If-Match", "\"1\""));
        JsonResponse withVersion = send("PUT", url(id), "{\"title\":\"Mine\",\"body\":\"Mine.\",\"version\":1}",
                user.bearer());
        JsonResponse withNeither = send("PUT", url(id), "{\"title\":\"Mine\",\"body\":\"Mine.\"}", user.bearer());

        assertThat(withIfMatch.status()).isEqualTo(412);
        assertThat(withIfMatch.body().path("type").asString()).isEqualTo("urn:problem-type:precondition-failed");
        assertThat(withIfMatch.body().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(withVersion.status()).isEqualTo(409);
        assertThat(withNeither.status()).isEqualTo(428);
        assertThat(send("GET", url(id), null, user.bearer()).body().path("title").asString()).isEqualTo("Theirs");
    }

    @Test
    void aDeletedItemIsGone() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = item(user);

        assertThat(send("DELETE", url(id), null, user.bearer()).status()).isEqualTo(204);

        assertThat(send("GET", url(id), null, user.bearer()).status()).isEqualTo(404);
        assertThat(send("DELETE", url(id), null, user.bearer()).status()).isEqualTo(404);
    }

    private String item(TestUser user) {
        String id = UUID.randomUUID().toString();
        library.saveGenerated(id, user.id(), "blog", "First draft", "Good.");
        return id;
    }

    private static String[] bearerAnd(TestUser user, String header, String value) {
        return new String[] { "Authorization", "Bearer " + user.accessToken(), header, value };
    }

    private String url(String id) {
        return base() + "/api/v1/library/items/" + id;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
