package app.library;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    void theListNarrowsByTypeAndTitleText() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        library.saveGenerated(UUID.randomUUID().toString(), user.id(), "blog", "Spring Sale ideas", "Body.");
        library.saveGenerated(UUID.randomUUID().toString(), user.id(), "social", "Spring launch posts", "Body.");
        library.saveGenerated(UUID.randomUUID().toString(), user.id(), "blog", "Winter guide", "Body.");

        assertThat(titles(user, "?type=blog")).containsExactlyInAnyOrder("Spring Sale ideas", "Winter guide");
        assertThat(titles(user, "?q=SPRING")).containsExactlyInAnyOrder("Spring Sale ideas", "Spring launch posts");
        assertThat(titles(user, "?type=social&q=spring")).containsExactly("Spring launch posts");
        assertThat(titles(user, "?type=listing")).isEmpty();
    }

    @Test
    void theListFindsItemsByWordsOfTheirBodyInAnyCaseAndOrder() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        library.saveGenerated(UUID.randomUUID().toString(), user.id(), "blog", "Packing list",
                "Bring a Waterproof jacket and a first-aid kit.");
        library.saveGenerated(UUID.randomUUID().toString(), user.id(), "blog", "Trail food", "A jacket potato.");
        String edited = item(user);
        send("PUT", url(edited), "{\"title\":\"Rain gear\",\"body\":\"Waterproof boots, no jacket.\"}",
                bearerAnd(user, "If-Match", "\"1\""));

        assertThat(titles(user, "?q=jacket")).containsExactlyInAnyOrder("Packing list", "Trail food", "Rain gear");
        assertThat(titles(user, "?q=JACKET%20waterproof")).as("every word, anywhere in title or body")
                .containsExactlyInAnyOrder("Packing list", "Rain gear");
        assertThat(titles(user, "?q=first-aid")).containsExactly("Packing list");
        assertThat(titles(user, "?q=Good")).as("an edit replaces the words of the old body").isEmpty();
    }

    @Test
    void largeBodiesEditedManyTimesKeepTheItemWithinDynamoDbsItemSize() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = item(user);
        String large = "word ".repeat(10_000);

        for (int version = 1; version <= 8; version++) {
            JsonResponse edited = send("PUT", url(id), "{\"title\":\"Draft " + version + "\",\"body\":\"" + large
                    + "\"}", bearerAnd(user, "If-Match", "\"" + version + "\""));
            assertThat(edited.status()).as("edit %d", version).isEqualTo(200);
        }

        JsonResponse versions = send("GET", url(id) + "/versions", null, user.bearer());
        assertThat(versions.body().path("items").get(0).path("title").asString()).isEqualTo("Draft 8");
        assertThat(versions.body().path("items").size()).as("the oldest dropped to stay under 400 KB")
                .isBetween(2, 5);
    }

    @Test
    void aDeletedItemIsGone() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = item(user);

        assertThat(send("DELETE", url(id), null, user.bearer()).status()).isEqualTo(204);

        assertThat(send("GET", url(id), null, user.bearer()).status()).isEqualTo(404);
        assertThat(send("DELETE", url(id), null, user.bearer()).status()).isEqualTo(404);
    }

    private List<String> titles(TestUser user, String query) {
        return send("GET", base() + "/api/v1/library/items" + query, null, user.bearer()).body().path("items")
                .findValuesAsString("title");
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
