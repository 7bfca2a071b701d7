package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.platform.operations.HttpClientSupport.JsonResponse;
import tools.jackson.databind.JsonNode;

/**
 * The event backbone across a {@code kill -9}: the application runs in its own JVM (with the test probes on its
 * class path), publishes events of which half are held inside their listener, is killed, and is started again on
 * the same data. Every event then reaches its listener and has its effect exactly once.
 */
class EventsCrashIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int EVENTS = 40;
    private static final int HELD = EVENTS / 2;

    @TempDir
    Path workDir;

    private Process application;

    @AfterEach
    void stop() {
        if (application != null && application.isAlive()) {
            application.descendants().forEach(ProcessHandle::destroyForcibly);
            application.destroyForcibly();
        }
    }

    @Test
    void everyEventInFlightAtAKillReachesItsListenerOnceAfterTheRestart() throws Exception {
        int port = freePort();
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String query = "?run=" + run + "&count=" + EVENTS + "&held=" + HELD;

        start(port);
        assertThat(send("POST", url(port, "/test/tallies" + query)).status()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(counts(port, query).subList(HELD, EVENTS))
                .as("the free half has its effect").containsOnly(1));
        assertThat(counts(port, query).subList(0, HELD)).as("the held half is in flight").containsOnly(0);
        assertThat(stuckTallyPublications(port)).isEqualTo(HELD);

        application.destroyForcibly();
        application.waitFor();
        start(port);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(counts(port, query))
                .isEqualTo(Collections.nCopies(EVENTS, 1)));
        await().untilAsserted(() -> assertThat(stuckTallyPublications(port)).isZero());
    }

    private List<Integer> counts(int port, String query) {
        JsonNode body = send("GET", url(port, "/test/tallies" + query)).body();
        List<Integer> counts = new ArrayList<>();
        body.forEach(count -> counts.add(count.asInt()));
        return counts;
    }

    private long stuckTallyPublications(int port) {
        JsonNode oldest = send("GET", url(port, "/actuator/eventpublications")).body().path("oldest");
        return StreamSupport.stream(oldest.spliterator(), false)
                .filter(entry -> entry.path("eventType").asString().endsWith("TallyIncremented"))
                .count();
    }

    private void start(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        application = new ProcessBuilder(java, "-cp", classPath, Application.class.getName(),
                "--server.port=" + port,
                "--app.dev-services.engines-dir=" + System.getProperty("app.dev-engines"),
                "--app.dev-services.data-dir=" + workDir.resolve(".data"))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("application.log").toFile()))
                .start();
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .failFast("the application exited; see " + workDir.resolve("application.log"),
                        () -> !application.isAlive())
                .until(() -> isUp(port));
    }

    private static boolean isUp(int port) {
        try {
            JsonResponse health = send("GET", url(port, "/actuator/health"));
            return health.status() == 200 && "UP".equals(health.body().path("status").asString());
        }
        catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
