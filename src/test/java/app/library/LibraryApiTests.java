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
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/** A generated blog post lands in the library once; reading it counts as a view. */
@PlatformIntegrationTest
class LibraryApiTests {

    @LocalServerPort
    int port;

    @Autowired
    LibraryManagement library;

    @Autowired
    RecordedViews views;

    @Test
    void aGeneratedBlogPostIsSavedToTheLibraryUnderTheGenerationsId() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String generation = send("POST", base() + "/api/v1/studio/content/blog",
                "{\"topic\":\"spring cleaning\",\"keywords\":[\"declutter\"],\"length\":\"short\"}", user.bearer())
                .body().path("id").asString();

        JsonResponse items = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL).until(
                () -> send("GET", base() + "/api/v1/library/items", null, user.bearer()),
                response -> response.body().path("items").size() == 1);

        assertThat(items.body().path("items").get(0).path("id").asString()).isEqualTo(generation);
        JsonResponse item = send("GET", base() + "/api/v1/library/items/" + generation, null, user.bearer());
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.body().path("type").asString()).isEqualTo("blog");
        assertThat(item.body().path("body").asString()).contains("declutter");
        assertThat(views.seen).anySatisfy(viewed -> assertThat(viewed.itemId()).isEqualTo(generation));
    }

    @Test
    void savingTheSameGenerationTwiceLeavesOneItem() {
        String owner = "owner-" + UUID.randomUUID();
        String generation = UUID.randomUUID().toString();

        library.saveGenerated(generation, owner, "blog", "Title", "Body");
        library.saveGenerated(generation, owner, "blog", "Title again", "Body again");

        assertThat(library.list(owner, null, 10).items()).singleElement()
                .satisfies(item -> assertThat(item.getTitle()).isEqualTo("Title"));
    }

    @Test
    void anotherUsersItemIsNotFound() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser other = TestUsers.signUpAndLogIn(base());
        library.saveGenerated("item-" + UUID.randomUUID(), owner.id(), "blog", "Mine", "Private");
        String id = library.list(owner.id(), null, 1).items().getFirst().getId();

        assertThat(send("GET", base() + "/api/v1/library/items/" + id, null, other.bearer()).status()).isEqualTo(404);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
