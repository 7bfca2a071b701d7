package app;

import static app.platform.operations.HttpClientSupport.send;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import app.platform.operations.HttpClientSupport.JsonResponse;

/**
 * The application running in a JVM of its own, as an end-to-end test starts it: on a free port, in a working folder
 * that holds its log, and considered started when {@code /actuator/health} answers {@code UP}.
 */
final class ApplicationProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final int port;
    private Process process;

    ApplicationProcess(Path workDir) throws IOException {
        this.workDir = workDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** Starts the packaged jar, as a developer runs it from a checkout, with these extra application arguments. */
    void startJar(String... arguments) throws IOException {
        launchJar(Path.of(System.getProperty("app.jar")), arguments);
        awaitUp();
    }

    /** Launches {@code java -jar} of the given jar and returns at once, before the application listens. */
    void launchJar(Path jar, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        launch(command);
    }

    /** Waits until {@code /actuator/health} answers {@code UP}; fails at once if the process exited. */
    void awaitUp() {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .failFast("the application exited; see " + workDir.resolve("application.log"), () -> !process.isAlive())
                .until(this::isUp);
    }

    /** Whether the application's port accepts connections yet. */
    boolean isListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            return true;
        }
        catch (IOException notYet) {
            return false;
        }
    }

    int port() {
        return port;
    }

    /** The {@code java} launcher of the JVM that runs the tests. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The last lines the application wrote, for a failing test to show. */
    String logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(workDir.resolve("application.log"));
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * Starts {@link Application} with the test class path, so that the test probes are part of it, with these extra
     * application arguments.
     */
    void startWithTestProbes(String... arguments) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of("-cp", classPath, Application.class.getName(),
                "--app.dev-services.data-dir=" + workDir.resolve(".data")));
        command.addAll(List.of(arguments));
        start(command);
    }

    Process process() {
        return process;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Kills the application and what it started, if still running. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private void start(List<String> arguments) throws IOException {
        launch(arguments);
        awaitUp();
    }

    private void launch(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(arguments);
        command.add("--server.port=" + port);
        command.add("--app.dev-services.engines-dir=" + System.getProperty("app.dev-engines"));
        process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("application.log").toFile()))
                .start();
    }

    private boolean isUp() {
        try {
            JsonResponse health = send("GET", url("/actuator/health"));
            return health.status() == 200 && "UP".equals(health.body().path("status").asString());
        }
        catch (IllegalStateException notListeningYet) {
            return false;
        }
    }
}
