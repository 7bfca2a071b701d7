package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.platform.devservices.SharedEngines;
import tools.jackson.databind.JsonNode;

/**
 * Two instances share one DynamoDB engine and one Redis, as instances behind a load balancer share the tables. Both
 * work; one is killed with {@code kill -9} while half of its events are inside their listener. The survivor takes
 * that work over once the dead instance's leases expire, and finishes it and its own within the configured lease and
 * staleness times, with every effect applied exactly once.
 */
class TwoInstancesCrashIT {

    private static final int EVENTS = 40;
    private static final int HELD = EVENTS / 2;
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration PUBLISHED_STALENESS = Duration.ofSeconds(10);
    /** Sweeps, retries and the survivor's own work, on a busy two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    private SharedEngines engines;
    private final List<ApplicationProcess> instances = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (ApplicationProcess instance : instances) {
            instance.kill();
        }
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void theSurvivorFinishesTheKilledInstancesWorkOnceWithinTheLeaseAndStalenessTimes() throws Exception {
        engines = SharedEngines.start(Path.of(System.getProperty("app.dev-engines")), workDir.resolve("engines"));
        ApplicationProcess doomed = start("doomed");
        ApplicationProcess survivor = start("survivor");
        String doomedRun = "doomed-" + UUID.randomUUID().toString().substring(0, 8);
        String survivorRun = "survivor-" + UUID.randomUUID().toString().substring(0, 8);
        String doomedQuery = "?run=" + doomedRun + "&count=" + EVENTS + "&held=" + HELD;
        String survivorQuery = "?run=" + survivorRun + "&count=" + EVENTS;

        assertThat(send("POST", doomed.url("/test/tallies" + doomedQuery)).status()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(counts(survivor, doomedQuery).subList(HELD, EVENTS))
                .as("the doomed instance's free half has its effect").containsOnly(1));
        assertThat(counts(survivor, doomedQuery).subList(0, HELD)).as("its held half is in flight").containsOnly(0);

        CompletableFuture<Integer> survivorsOwnWork = CompletableFuture.supplyAsync(
                () -> send("POST", survivor.url("/test/tallies" + survivorQuery)).status());
        doomed.kill();
        long killedAt = System.nanoTime();
        assertThat(survivorsOwnWork.get()).isEqualTo(200);

        await().atMost(LEASE.plus(PUBLISHED_STALENESS).plus(SLACK)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(counts(survivor, doomedQuery)).as("the doomed instance's events")
                            .isEqualTo(Collections.nCopies(EVENTS, 1));
                    assertThat(counts(survivor, survivorQuery)).as("the survivor's own events")
                            .isEqualTo(Collections.nCopies(EVENTS, 1));
                });
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        await().untilAsserted(() -> assertThat(incompleteTallyPublications(survivor)).isZero());
        assertThat(counts(survivor, doomedQuery)).as("no effect applied twice after the takeover")
                .isEqualTo(Collections.nCopies(EVENTS, 1));
        System.out.printf("Takeover of %d held publications after kill -9: %d ms%n", HELD, takeover.toMillis());
    }

    private ApplicationProcess start(String name) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        ApplicationProcess instance = new ApplicationProcess(dir);
        instances.add(instance);
        String[] arguments = Stream.concat(Stream.of(engines.applicationArguments()), Stream.of(
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--app.events.lease=" + LEASE.toSeconds() + "s",
                "--app.events.sweep-interval=1s",
                "--app.events.published-staleness=" + PUBLISHED_STALENESS.toSeconds() + "s",
                "--app.events.retry-interval=1s",
                "--app.events.retry-min-age=1s")).toArray(String[]::new);
        instance.startWithTestProbes(arguments);
        return instance;
    }

    private static List<Integer> counts(ApplicationProcess instance, String query) {
        JsonNode body = send("GET", instance.url("/test/tallies" + query)).body();
        List<Integer> counts = new ArrayList<>();
        body.forEach(count -> counts.add(count.asInt()));
        return counts;
    }

    private static long incompleteTallyPublications(ApplicationProcess instance) {
        JsonNode oldest = send("GET", instance.url("/actuator/eventpublications")).body().path("oldest");
        return StreamSupport.stream(oldest.spliterator(), false)
                .filter(entry -> entry.path("eventType").asString().endsWith("TallyIncremented"))
                .count();
    }
}
