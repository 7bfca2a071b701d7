package app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application's first seconds as its users meet them: started eight times from the built jar and twice
 * from its extracted layout, with the first requests of a browser, Swagger UI, a health check, sign-ups, STOMP
 * clients and a calculator arriving together the moment the port opens. Every request must be answered and health
 * must be {@code UP} afterwards. A start that stops answering leaves a thread dump, virtual threads included, under
 * {@code target/thread-dumps/}, named in the failure.
 */
class PackagedStartIT {

    /** A first request can wait for the OpenAPI document to be built and the first classes to load, not more. */
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(45);
    private static final Duration PORT_LIMIT = Duration.ofSeconds(90);

    private static Path extractedJar;

    private ApplicationProcess application;

    @BeforeAll
    static void extractTheJar(@TempDir Path extracted) throws Exception {
        Path destination = extracted.resolve("app");
        Process extract = new ProcessBuilder(ApplicationProcess.java(), "-Djarmode=tools", "-jar",
                System.getProperty("app.jar"), "extract", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(extracted.resolve("extract.log").toFile()).start();
        assertThat(extract.waitFor(60, TimeUnit.SECONDS)).as("jar extracted within 60 s").isTrue();
        assertThat(extract.exitValue()).as(Files.readString(extracted.resolve("extract.log"))).isZero();
        extractedJar = destination.resolve(Path.of(System.getProperty("app.jar")).getFileName());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (application != null) {
            application.kill();
        }
    }

    @RepeatedTest(value = 8, name = "java -jar, start {currentRepetition} of {totalRepetitions}")
    void theExecutableJarAnswersItsFirstRequestsArrivingTogether(@TempDir Path workDir, RepetitionInfo start)
            throws Exception {
        startAndBurst(workDir, Path.of(System.getProperty("app.jar")), "jar-" + start.getCurrentRepetition());
    }

    @RepeatedTest(value = 2, name = "extracted layout, start {currentRepetition} of {totalRepetitions}")
    void theExtractedLayoutAnswersItsFirstRequestsArrivingTogether(@TempDir Path workDir, RepetitionInfo start)
            throws Exception {
        startAndBurst(workDir, extractedJar, "extracted-" + start.getCurrentRepetition());
    }

    private void startAndBurst(Path workDir, Path jar, String startName) throws Exception {
        application = new ApplicationProcess(workDir);
        application.launchJar(jar);
        await().atMost(PORT_LIMIT).pollInterval(Duration.ofMillis(10))
                .failFast("the application exited; see " + workDir.resolve("application.log"),
                        () -> !application.process().isAlive())
                .until(application::isListening);

        List<String> unanswered = fireTogether(FirstRequests.of(application.port()));

        if (!unanswered.isEmpty()) {
            Path dump = threadDump(startName);
            throw new AssertionError("Start " + startName + ": " + unanswered.size() + " first requests got no answer "
                    + "within " + ANSWER_LIMIT.toSeconds() + " s: " + unanswered + System.lineSeparator()
                    + "Thread dump (virtual threads included): " + dump + System.lineSeparator()
                    + "Log: " + System.lineSeparator() + application.logTail(40));
        }
        application.awaitUp();
    }

    /** Sends every request at once and answers the ones that got no (or a wrong) answer in time. */
    private static List<String> fireTogether(Map<String, FirstRequests.Check> requests) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        try {
            Map<String, Future<?>> sent = new LinkedHashMap<>();
            requests.forEach((name, check) -> sent.put(name, clients.submit(() -> {
                check.run();
                return null;
            })));
            List<String> failed = new ArrayList<>();
            Instant deadline = Instant.now().plus(ANSWER_LIMIT);
            for (Map.Entry<String, Future<?>> request : sent.entrySet()) {
                try {
                    long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                    request.getValue().get(left, TimeUnit.MILLISECONDS);
                }
                catch (TimeoutException noAnswer) {
                    failed.add(request.getKey() + " (no answer)");
                }
                catch (ExecutionException wrongAnswer) {
                    failed.add(request.getKey() + " (" + wrongAnswer.getCause().getMessage() + ")");
                }
            }
            return failed;
        }
        finally {
            clients.shutdownNow();
        }
    }

    /** A thread dump of the application with {@code jcmd}, in the JSON-free text format that lists virtual threads. */
    private Path threadDump(String startName) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(Path.of("target", "thread-dumps"));
        Path dump = folder.resolve("packaged-start-" + startName + ".txt").toAbsolutePath();
        Files.deleteIfExists(dump);
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process taken = new ProcessBuilder(jcmd.toString(), Long.toString(application.process().pid()),
                "Thread.dump_to_file", "-format=text", dump.toString()).redirectErrorStream(true).start();
        taken.waitFor(30, TimeUnit.SECONDS);
        return dump;
    }
}
