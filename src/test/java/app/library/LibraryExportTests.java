package app.library;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * Library exports over HTTP: a background job that writes one Markdown file per item into a ZIP archive, which only
 * its owner can follow and download.
 */
@PlatformIntegrationTest
class LibraryExportTests {

    private static final HttpClient http = HttpClientSupport.newClient();

    @LocalServerPort
    int port;

    @Autowired
    LibraryManagement library;

    @Test
    void theArchiveHoldsOneMarkdownFilePerItemWithItsFrontMatterAndContent() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String spring = saved(user, "blog", "Spring \"cleaning\": a guide", "Declutter one room a day.");
        String twin = saved(user, "blog", "Spring \"cleaning\": a guide", "The same title, another post.");
        String social = saved(user, "social", "Launch week", "linkedin: We launched!");

        JsonResponse accepted = send("POST", base() + "/api/v1/library/exports", null, user.bearer());

        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.header("Location").orElseThrow();
        JsonNode export = awaitCompleted(user, location);
        assertThat(export.path("progress").path("done").asInt()).isEqualTo(3);
        assertThat(export.path("result").path("archive").asString()).isEqualTo(location + "/archive");
        assertThat(export.path("result").path("files").asInt()).isEqualTo(3);

        HttpResponse<byte[]> archive = download(base() + location + "/archive", user);
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(archive.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains(".zip");
        Map<String, String> files = unzipped(archive.body());
        assertThat(files).hasSize(3).containsOnlyKeys("spring-cleaning-a-guide-" + spring + ".md",
                "spring-cleaning-a-guide-" + twin + ".md", "launch-week-" + social + ".md");
        String markdown = files.get("spring-cleaning-a-guide-" + spring + ".md");
        assertThat(markdown).startsWith("---\nid: \"" + spring + "\"\ntitle: \"Spring \\\"cleaning\\\": a guide\"\n"
                + "type: \"blog\"\ntags: []\ncreated: \"");
        assertThat(markdown)
                .contains("\nversion: 1\n---\n\n# Spring \"cleaning\": a guide\n\nDeclutter one room a day.");
        assertThat(files.get("launch-week-" + social + ".md")).contains("type: \"social\"")
                .contains("linkedin: We launched!");
    }

    @Test
    void anExportCanBeNarrowedToOneTypeOfContent() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String listing = saved(user, "listing", "Trail Pack", "Zip pockets.");
        saved(user, "blog", "Hiking tips", "Pack light.");

        String location = send("POST", base() + "/api/v1/library/exports", "{\"type\":\"listing\"}", user.bearer())
                .header("Location").orElseThrow();
        awaitCompleted(user, location);

        assertThat(unzipped(download(base() + location + "/archive", user).body()))
                .containsOnlyKeys("trail-pack-" + listing + ".md");
        assertThat(send("POST", base() + "/api/v1/library/exports", "{\"type\":\"poem\"}", user.bearer()).status())
                .isEqualTo(400);
    }

    @Test
    void anotherUserNeitherSeesNorDownloadsTheExport() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser stranger = TestUsers.signUpAndLogIn(base());
        saved(owner, "blog", "Private plans", "Only mine.");
        String location = send("POST", base() + "/api/v1/library/exports", "{}", owner.bearer()).header("Location")
                .orElseThrow();
        awaitCompleted(owner, location);

        assertThat(send("GET", base() + location, null, stranger.bearer()).status()).isEqualTo(404);
        JsonResponse archive = send("GET", base() + location + "/archive", null, stranger.bearer());
        assertThat(archive.status()).isEqualTo(404);
        assertThat(archive.body().toString()).doesNotContain("Only mine");
        assertThat(send("GET", base() + location + "/archive").status()).isEqualTo(401);
    }

    private String saved(TestUser user, String type, String title, String body) {
        String id = UUID.randomUUID().toString();
        library.saveGenerated(id, user.id(), type, title, body);
        return id;
    }

    private JsonNode awaitCompleted(TestUser user, String location) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
                () -> send("GET", base() + location, null, user.bearer()).body(),
                export -> "COMPLETED".equals(export.path("status").asString()));
    }

    private static HttpResponse<byte[]> download(String url, TestUser user) throws Exception {
        return HttpClientSupport.exchange(http, HttpClientSupport.request(url).header("Authorization", "Bearer "
                + user.accessToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> unzipped(byte[] archive) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
