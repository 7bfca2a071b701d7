package app.studio;

import static app.platform.operations.HttpClientSupport.send;
import static app.platform.operations.HttpClientSupport.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.EventStream;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import app.platform.time.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Bulk listings over HTTP: a CSV upload is a background job with one listing generation per row; rows that are wrong
 * fail on their own, the job completes with them listed, and its owner is told in the inbox and on the stream.
 */
@PlatformIntegrationTest
class BulkListingsTests {

    private static final String HEADER = "productName,features,audience\n";

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Test
    void aCsvWithMalformedRowsCompletesWithEachRowsOutcomeAndGenerationsForTheGoodRows() throws Exception {
        TestUser user = businessUser();
        String csv = HEADER
                + "Trail Pack,\"zip pockets; rain cover\",hikers\n"
                + "\"Desk Lamp, LED\",dimmable,home office workers\n"
                + "Only two fields,oops\n"
                + ",no name,anyone\n"
                + "Kettle,boils fast," + "x".repeat(201) + "\n"
                + "Water Bottle,\"keeps cold; \"\"leak proof\"\"\",runners\n";
        try (EventStream stream = EventStream.open(base() + "/api/v1/notifications/stream", user.bearer())) {
            JsonResponse accepted = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "listings.csv",
                    csv.getBytes(StandardCharsets.UTF_8), user.bearer());

            assertThat(accepted.status()).isEqualTo(202);
            String location = accepted.header("Location").orElseThrow();
            assertThat(location).isEqualTo("/api/v1/studio/jobs/" + accepted.body().path("id").asString());
            JsonNode job = awaitStatus(user, location, "COMPLETED");

            assertThat(job.path("progress").path("done").asInt()).isEqualTo(6);
            assertThat(job.path("progress").path("total").asInt()).isEqualTo(6);
            assertThat(job.path("progress").path("failed").asInt()).isEqualTo(3);
            assertThat(job.path("progress").path("percent").asInt()).isEqualTo(100);
            assertThat(job.path("result").path("generations").asInt()).isEqualTo(3);
            assertThat(job.path("result").path("failedRows").asInt()).isEqualTo(3);
            JsonNode rows = job.path("rows");
            assertThat(rows.get(2).path("row").asInt()).isEqualTo(3);
            assertThat(rows.get(2).path("error").asString()).contains("has 2 fields where the header has 3");
            assertThat(rows.get(3).path("error").asString()).contains("productName");
            assertThat(rows.get(4).path("error").asString()).contains("audience").contains("200 characters");
            for (int good : List.of(0, 1, 5)) {
                String generation = rows.get(good).path("generationId").asString();
                assertThat(rows.get(good).path("error").isNull()).isTrue();
                JsonResponse generated = send("GET", base() + "/api/v1/studio/generations/" + generation, null,
                        user.bearer());
                assertThat(generated.status()).isEqualTo(200);
                assertThat(generated.body().path("type").asString()).isEqualTo("listing");
            }
            JsonNode notice = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                    .until(() -> inboxItem(user, "background.job.completed"), item -> !item.isMissingNode());
            assertThat(notice.path("title").asString()).isEqualTo("Bulk listings: done, with failures");
            assertThat(notice.path("body").asString()).isEqualTo("6 of 6 done, 3 failed.");
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events("background.job.completed"),
                    events -> !events.isEmpty());
            assertThat(stream.events("background.job.completed").getFirst().json().path("id").asString())
                    .isEqualTo(notice.path("id").asString());
        }
    }

    @Test
    void aRowRefusedForTheQuotaIsAFailedRowAndTheJobCarriesOn() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        clock.stop(); // all rows in one month
        String csv = HEADER + IntStream.rangeClosed(1, 5).mapToObj(n -> "Product " + n + ",sturdy,campers\n")
                .collect(Collectors.joining());

        String location = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "listings.csv",
                csv.getBytes(StandardCharsets.UTF_8), user.bearer()).header("Location").orElseThrow();
        JsonNode job = awaitStatus(user, location, "COMPLETED");

        // The test profile's free plan allows 3 generations a month.
        assertThat(job.path("progress").path("failed").asInt()).isEqualTo(2);
        assertThat(job.path("rows").get(3).path("error").asString()).startsWith("Quota exceeded");
        assertThat(job.path("rows").get(4).path("error").asString()).startsWith("Quota exceeded");
    }

    @Test
    void anUploadOverTheEndpointsLimitIsRefusedWith413() {
        TestUser user = businessUser();
        String row = "Big Product,feature,audience\n";
        byte[] csv = (HEADER + row.repeat(600 * 1024 / row.length())).getBytes(StandardCharsets.UTF_8);

        JsonResponse refused = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "big.csv", csv,
                user.bearer());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body().path("type").asString()).isEqualTo("urn:problem-type:payload-too-large");
    }

    @Test
    void moreRowsThanAllowedAreRefusedWith413() {
        TestUser user = businessUser();
        String csv = HEADER + "P,f,a\n".repeat(501);

        JsonResponse refused = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "many.csv",
                csv.getBytes(StandardCharsets.UTF_8), user.bearer());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body().path("detail").asString()).contains("more than 500 rows");
    }

    @Test
    void aFileThatIsNotACsvWithTheHeaderIsRefusedWith400AndStartsNothing() {
        TestUser user = businessUser();
        List<byte[]> refusedFiles = new ArrayList<>();
        refusedFiles.add(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d });
        refusedFiles.add(new byte[0]);
        refusedFiles.add("   \n\n".getBytes(StandardCharsets.UTF_8));
        refusedFiles.add("Trail Pack,zip,hikers\nDesk Lamp,LED,workers\n".getBytes(StandardCharsets.UTF_8));
        refusedFiles.add(HEADER.getBytes(StandardCharsets.UTF_8));
        refusedFiles.add((HEADER + "\"unterminated,zip,hikers\n").getBytes(StandardCharsets.UTF_8));

        for (byte[] file : refusedFiles) {
            JsonResponse refused = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "file.csv", file,
                    user.bearer());

            assertThat(refused.status()).as(new String(file, StandardCharsets.UTF_8)).isEqualTo(400);
            assertThat(refused.body().path("type").asString()).startsWith("urn:problem-type:");
            assertThat(refused.body().path("errors").findValuesAsString("field")).contains("file");
        }
        assertThat(send("GET", base() + "/api/v1/studio/generations", null, user.bearer()).body().path("items")
                .size()).isZero();
    }

    @Test
    void aCancelledJobStopsBeforeItsRemainingRows() {
        TestUser user = businessUser();
        int rows = 200;
        String csv = HEADER + IntStream.rangeClosed(1, rows).mapToObj(n -> "Product " + n + ",sturdy,campers\n")
                .collect(Collectors.joining());
        String location = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "listings.csv",
                csv.getBytes(StandardCharsets.UTF_8), user.bearer()).header("Location").orElseThrow();

        // Rows start 100 ms apart (app.studio.bulk-listings.row-interval): 200 rows take 20 s.
        JsonResponse cancelled = send("POST", base() + location + "/cancel", null, user.bearer());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        JsonNode settled = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(
                () -> send("GET", base() + location, null, user.bearer()).body(),
                job -> job.path("rows").findValues("generationId").stream().filter(JsonNode::isString).count()
                        == generationsOf(user));
        assertThat(settled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(settled.path("progress").path("done").asInt()).isLessThan(rows);
        assertThat(generationsOf(user)).isLessThan(rows);
        JsonNode notice = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> inboxItem(user, "background.job.completed"), item -> !item.isMissingNode());
        assertThat(notice.path("title").asString()).isEqualTo("Bulk listings: cancelled");
        assertThat(send("DELETE", base() + location, null, user.bearer()).body().path("status").asString())
                .as("cancelling again changes nothing").isEqualTo("CANCELLED");
    }

    @Test
    void anotherUsersJobIsNotFound() {
        TestUser owner = businessUser();
        TestUser stranger = TestUsers.signUpAndLogIn(base());
        String location = upload(base() + "/api/v1/studio/jobs/bulk-listings", "file", "listings.csv",
                (HEADER + "Trail Pack,zip,hikers\n").getBytes(StandardCharsets.UTF_8), owner.bearer())
                .header("Location").orElseThrow();

        assertThat(send("GET", base() + location, null, stranger.bearer()).status()).isEqualTo(404);
        assertThat(send("POST", base() + location + "/cancel", null, stranger.bearer()).status()).isEqualTo(404);
        assertThat(send("GET", base() + location).status()).isEqualTo(401);
        assertThat(awaitStatus(owner, location, "COMPLETED").path("progress").path("failed").asInt()).isZero();
    }

    @Test
    void theUploadIsDocumentedAsAMultipartFilePart() {
        JsonNode upload = send("GET", base() + "/v3/api-docs").body().path("paths")
                .path("/api/v1/studio/jobs/bulk-listings").path("post");

        JsonNode schema = upload.path("requestBody").path("content").path("multipart/form-data").path("schema");
        assertThat(schema.path("properties").path("file").path("format").asString()).isEqualTo("binary");
        assertThat(upload.path("responses").has("202")).isTrue();
    }

    private int generationsOf(TestUser user) {
        int count = 0;
        String cursor = null;
        do {
            JsonNode page = send("GET", base() + "/api/v1/studio/generations?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), null, user.bearer()).body();
            count += page.path("items").size();
            cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
        }
        while (cursor != null);
        return count;
    }

    private JsonNode awaitStatus(TestUser user, String location, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> send("GET", base() + location, null, user.bearer()).body(),
                job -> status.equals(job.path("status").asString()));
    }

    private JsonNode inboxItem(TestUser user, String type) {
        for (JsonNode item : send("GET", base() + "/api/v1/notifications", null, user.bearer()).body().path("items")) {
            if (type.equals(item.path("type").asString())) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    private TestUser businessUser() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        send("PUT", base() + "/api/v1/users/me/subscription", "{\"plan\":\"business\"}", user.bearer());
        return user;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
