package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * Generations answered 202 survive a {@code kill -9} of the application while they run: after the restart each one
 * completes and is in the library exactly once. The application runs its production jar with the built-in
 * generator's visible pace (300 ms a chunk), so the kill lands mid-generation. Two starts (up to 90 s each) and waits
 * of up to 150 s may take longer than the default test timeout.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GenerationCrashIT {

    private static final int GENERATIONS = 4;

    @TempDir
    Path workDir;

    private ApplicationProcess application;

    @AfterEach
    void stop() throws InterruptedException {
        if (application != null) {
            application.kill();
        }
    }

    @Test
    void generationsInFlightAtAKillCompleteOnceEachAfterTheRestart() throws Exception {
        application = new ApplicationProcess(workDir);
        application.startJar();
        TestUser user = TestUsers.signUpAndLogIn(application.url(""));
        // The business plan's request budget covers the polling below.
        send("PUT", application.url("/api/v1/users/me/subscription"), "{\"plan\":\"business\"}", user.bearer());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < GENERATIONS; i++) {
            ids.add(send("POST", application.url("/api/v1/studio/content/blog"),
                    "{\"topic\":\"resilience " + i + "\",\"keywords\":[\"restart\"],\"length\":\"long\"}",
                    user.bearer()).body().path("id").asString());
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> statuses(user, ids).contains("RUNNING"));
        assertThat(statuses(user, ids)).as("killed while generations are unfinished").isNotEqualTo(
                List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"));

        application.kill();
        // The event registry's resubmission is logged, so a failure here shows what the restart did.
        application.startJar("--logging.level.org.springframework.modulith.events=debug");

        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(statuses(user, ids)).containsOnly("COMPLETED"));
        }
        catch (AssertionError | RuntimeException notCompleted) {
            System.out.println("Application log after the restart (last 300 lines):" + System.lineSeparator()
                    + application.logTail(300));
            throw notCompleted;
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(libraryIds(user)).containsExactlyInAnyOrderElementsOf(ids));
    }

    private List<String> statuses(TestUser user, List<String> ids) {
        return ids.stream().map(id -> send("GET", application.url("/api/v1/studio/generations/" + id), null,
                user.bearer()).body().path("status").asString()).toList();
    }

    private List<String> libraryIds(TestUser user) {
        JsonNode items = send("GET", application.url("/api/v1/library/items?limit=100"), null, user.bearer()).body();
        return items.path("items").findValuesAsString("id");
    }
}
