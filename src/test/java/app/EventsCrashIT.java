package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import tools.jackson.databind.JsonNode;

/**
 * The event backbone across a {@code kill -9}: the application runs in its own JVM (with the test probes on its
 * class path), publishes events of which half are held inside their listener, is killed, and is started again on
 * the same data. Every event then reaches its listener and has its effect exactly once.
 */
class EventsCrashIT {

    private static final int EVENTS = 40;
    private static final int HELD = EVENTS / 2;

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
    void everyEventInFlightAtAKillReachesItsListenerOnceAfterTheRestart() throws Exception {
        application = new ApplicationProcess(workDir);
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String query = "?run=" + run + "&count=" + EVENTS + "&held=" + HELD;

        application.startWithTestProbes();
        assertThat(send("POST", application.url("/test/tallies" + query)).status()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(counts(query).subList(HELD, EVENTS))
                .as("the free half has its effect").containsOnly(1));
        assertThat(counts(query).subList(0, HELD)).as("the held half is in flight").containsOnly(0);
        assertThat(stuckTallyPublications()).isEqualTo(HELD);

        application.kill();
        application.startWithTestProbes();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(counts(query))
                .isEqualTo(Collections.nCopies(EVENTS, 1)));
        await().untilAsserted(() -> assertThat(stuckTallyPublications()).isZero());
    }

    private List<Integer> counts(String query) {
        JsonNode body = send("GET", application.url("/test/tallies" + query)).body();
        List<Integer> counts = new ArrayList<>();
        body.forEach(count -> counts.add(count.asInt()));
        return counts;
    }

    private long stuckTallyPublications() {
        JsonNode oldest = send("GET", application.url("/actuator/eventpublications")).body().path("oldest");
        return StreamSupport.stream(oldest.spliterator(), false)
                .filter(entry -> entry.path("eventType").asString().endsWith("TallyIncremented"))
                .count();
    }
}
