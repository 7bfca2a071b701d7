package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import app.platform.operations.TestUsers;

/**
 * The packaged application as a developer runs it ({@code java -jar} from a checkout, default profile): it comes up
 * with its own engines and persistent local data, stops cleanly on SIGTERM, and starts again after a SIGKILL with
 * its data intact and nothing left behind. Three starts (up to 90 s each) may take longer than the default test
 * timeout.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LocalRunIT {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path checkout;

    private ApplicationProcess application;

    @AfterEach
    void stop() throws InterruptedException {
        if (application != null) {
            application.kill();
        }
    }

    @Test
    void survivesSigtermAndSigkillWithItsDataAndLeavesNoEngineBehind() throws Exception {
        application = new ApplicationProcess(checkout);

        application.startJar();
        JsonNode first = installation();
        assertThat(first.path("starts").asLong()).isEqualTo(1);
        assertThat(Files.isDirectory(checkout.resolve(".data/dynamodb"))).isTrue();
        String demoToken = demoAccessToken();

        List<ProcessHandle> enginesOfFirstRun = application.process().descendants().toList();
        assertThat(enginesOfFirstRun).isNotEmpty();
        long stopStarted = System.nanoTime();
        application.process().destroy();
        assertThat(application.process().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS))
                .as("exited within 15 s of SIGTERM").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopStarted)).isLessThan(STOP_LIMIT);
        assertThat(enginesOfFirstRun).noneMatch(ProcessHandle::isAlive);

        application.startJar();
        JsonNode second = installation();
        assertThat(second.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(second.path("starts").asLong()).isEqualTo(2);

        List<ProcessHandle> enginesOfSecondRun = application.process().descendants().toList();
        application.process().destroyForcibly();
        application.process().waitFor();
        await().atMost(Duration.ofSeconds(10)).until(() -> enginesOfSecondRun.stream().noneMatch(ProcessHandle::isAlive));

        application.startJar();
        JsonNode third = installation();
        assertThat(third.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(third.path("starts").asLong()).isEqualTo(3);
        assertThat(send("GET", application.url("/api/v1/users/me"), null, "Authorization", "Bearer " + demoToken)
                .status()).as("a token of the first run still works: the signing keys are stored").isEqualTo(200);
    }

    /** The demo account of the README logs in (it is created while the application starts). */
    private String demoAccessToken() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> send("POST", application.url("/api/v1/users/login"),
                        "{\"email\":\"demo@example.com\",\"password\":\"content-demo-2026\"}"),
                        response -> response.status() == 200)
                .body().path("accessToken").asString();
    }

    private JsonNode installation() {
        return send("GET", application.url("/actuator/info")).body().path("installation");
    }
}
