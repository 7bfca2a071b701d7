package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.platform.operations.HttpClientSupport.JsonResponse;
import tools.jackson.databind.JsonNode;

/**
 * The packaged application as a developer runs it ({@code java -jar} from a checkout, default profile): it comes up
 * with its own engines and persistent local data, stops cleanly on SIGTERM, and starts again after a SIGKILL with
 * its data intact and nothing left behind.
 */
class LocalRunIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path checkout;

    private Process application;

    @AfterEach
    void stop() {
        if (application != null && application.isAlive()) {
            application.descendants().forEach(ProcessHandle::destroyForcibly);
            application.destroyForcibly();
        }
    }

    @Test
    void survivesSigtermAndSigkillWithItsDataAndLeavesNoEngineBehind() throws Exception {
        int port = freePort();

        start(port);
        JsonNode first = installation(port);
        assertThat(first.path("starts").asLong()).isEqualTo(1);
        assertThat(Files.isDirectory(checkout.resolve(".data/dynamodb"))).isTrue();

        List<ProcessHandle> enginesOfFirstRun = application.descendants().toList();
        assertThat(enginesOfFirstRun).isNotEmpty();
        long stopStarted = System.nanoTime();
        application.destroy();
        assertThat(application.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("exited within 15 s of SIGTERM").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopStarted)).isLessThan(STOP_LIMIT);
        assertThat(enginesOfFirstRun).noneMatch(ProcessHandle::isAlive);

        start(port);
        JsonNode second = installation(port);
        assertThat(second.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(second.path("starts").asLong()).isEqualTo(2);

        List<ProcessHandle> enginesOfSecondRun = application.descendants().toList();
        application.destroyForcibly();
        application.waitFor();
        await().atMost(Duration.ofSeconds(10)).until(() -> enginesOfSecondRun.stream().noneMatch(ProcessHandle::isAlive));

        start(port);
        JsonNode third = installation(port);
        assertThat(third.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(third.path("starts").asLong()).isEqualTo(3);
    }

    private void start(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        application = new ProcessBuilder(java, "-jar", System.getProperty("app.jar"),
                "--server.port=" + port,
                "--app.dev-services.engines-dir=" + System.getProperty("app.dev-engines"))
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(checkout.resolve("application.log").toFile()))
                .start();
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .failFast("the application exited; see " + checkout.resolve("application.log"), () -> !application.isAlive())
                .until(() -> isUp(port));
    }

    private static boolean isUp(int port) {
        try {
            JsonResponse health = send("GET", "http://localhost:" + port + "/actuator/health");
            return health.status() == 200 && "UP".equals(health.body().path("status").asString());
        }
        catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    private static JsonNode installation(int port) {
        return send("GET", "http://localhost:" + port + "/actuator/info").body().path("installation");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
