package app.platform.devservices;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.Application;
import app.platform.operations.HttpClientSupport.JsonResponse;

/**
 * The application with engines of its own (not the test JVM's shared ones): how it reports engines that fail, that
 * its engines stop with it, and that local data survives a restart.
 */
class DevServicesLifecycleTests {

    @TempDir
    Path dataDir;

    @Test
    void redisLossDegradesDynamoDbLossTakesHealthDownAndClosingLeavesNoEngineBehind() {
        Set<Long> before = descendants();
        ConfigurableApplicationContext context = start(false);
        List<ProcessHandle> engines = ProcessHandle.current().descendants()
                .filter(process -> !before.contains(process.pid()))
                .toList();
        assertThat(engines).hasSizeGreaterThanOrEqualTo(4);
        try {
            kill(engines, "redis-server");
            JsonResponse degraded = health(context);
            assertThat(degraded.status()).isEqualTo(200);
            assertThat(degraded.body().path("status").asString()).isEqualTo("UP");
            assertThat(degraded.body().path("components").path("redis").path("status").asString()).isEqualTo("DEGRADED");
            assertThat(degraded.body().path("components").path("redis").path("details").path("reason").asString())
                    .contains("unreachable");

            kill(engines, "dynalite");
            JsonResponse down = health(context);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().path("components").path("dynamodb").path("status").asString()).isEqualTo("DOWN");
        }
        finally {
            context.close();
        }

        assertThat(engines).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void persistentLocalDataSurvivesARestartAndTheLockIsReleasedOnClose() {
        JsonResponse first;
        try (ConfigurableApplicationContext context = start(true)) {
            first = info(context);
            assertThat(dataDir.resolve("engines.lock")).exists();
        }
        assertThat(dataDir.resolve("engines.lock")).doesNotExist();

        try (ConfigurableApplicationContext context = start(true)) {
            JsonResponse second = info(context);
            assertThat(second.body().path("installation").path("id").asString())
                    .isEqualTo(first.body().path("installation").path("id").asString());
            assertThat(second.body().path("installation").path("starts").asLong()).isEqualTo(2);
        }
        assertThat(Files.isDirectory(dataDir.resolve("dynamodb"))).isTrue();
    }

    private ConfigurableApplicationContext start(boolean persistent) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0",
                        "--app.dev-services.data-dir=" + dataDir,
                        "--app.dev-services.dynamodb.persistent=" + persistent,
                        "--app.dynamodb.table-prefix=lifecycle-");
    }

    private JsonResponse health(ConfigurableApplicationContext context) {
        return send("GET", baseUrl(context) + "/actuator/health");
    }

    private JsonResponse info(ConfigurableApplicationContext context) {
        return send("GET", baseUrl(context) + "/actuator/info");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Kills an engine the way a crash would, leaving its guard running: the engine is the guard's non-cat child. */
    private void kill(List<ProcessHandle> processes, String engineName) {
        List<ProcessHandle> targets = processes.stream()
                .filter(process -> commandLine(process).contains("engine=$!") && commandLine(process).contains(engineName))
                .flatMap(ProcessHandle::children)
                .filter(child -> !child.info().command().orElse("").endsWith("/cat"))
                .toList();
        assertThat(targets).as(engineName + " process").hasSize(1);
        targets.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(10)).until(() -> targets.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
