package app.platform.devservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine running as a child process on a loopback port.
 *
 * <p>The engine is started under a small shell guard that reads the JVM's end of a pipe and stops the engine when it
 * reaches end of file. The pipe closes when the JVM closes it (a normal stop) or when the JVM dies for any reason,
 * including {@code kill -9}, so an engine never outlives the application by more than a moment.
 */
final class LocalEngine {

    private static final Logger log = LoggerFactory.getLogger(LocalEngine.class);

    /** Runs the engine in the background, waits for end of input, then stops the engine and waits for it. */
    private static final String GUARD = "\"$@\" & engine=$!; trap 'kill $engine 2>/dev/null' TERM INT; "
            + "cat >/dev/null; kill $engine 2>/dev/null; wait $engine";

    private final String name;
    private final Process guard;
    private final int port;
    private final Path logFile;
    /** The guard and everything it started, captured once ready: a process killed from outside loses its children. */
    private List<ProcessHandle> processes = List.of();

    private LocalEngine(String name, Process guard, int port, Path logFile) {
        this.name = name;
        this.guard = guard;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts an engine and waits until it accepts connections.
     *
     * @param command the engine's command line; {@code {port}} is replaced by the chosen port
     */
    static LocalEngine start(String name, List<String> command, Path logFile, Duration timeout) {
        int port = freeLoopbackPort();
        List<String> guarded = new ArrayList<>(List.of("sh", "-c", GUARD, name));
        command.stream().map(argument -> argument.replace("{port}", Integer.toString(port))).forEach(guarded::add);
        try {
            Files.createDirectories(logFile.getParent());
            Process guard = new ProcessBuilder(guarded)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
            LocalEngine engine = new LocalEngine(name, guard, port, logFile);
            engine.awaitReady(timeout);
            engine.processes = Stream.concat(Stream.of(guard.toHandle()), guard.descendants()).toList();
            log.info("Started {} on 127.0.0.1:{} (pid {})", name, port, engine.enginePid());
            return engine;
        }
        catch (IOException e) {
            throw new DevServicesException("Could not start " + name + " (" + command.getFirst() + "): " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** The guard and the engine, for the lock file that lets a later start clean up. */
    List<ProcessHandle> processes() {
        return processes;
    }

    boolean isAlive() {
        return guard.isAlive();
    }

    /** Stops the engine: closes the guard's input, waits up to {@code grace}, then kills what is left. */
    void stop(Duration grace) {
        List<ProcessHandle> processes = Stream.concat(this.processes.stream(), guard.descendants()).distinct().toList();
        try {
            guard.getOutputStream().close();
        }
        catch (IOException ignored) {
            // The guard is gone already; what is left is killed below.
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            awaitExit(process, deadline);
        }
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        log.info("Stopped {}", name);
    }

    private void awaitExit(ProcessHandle process, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            process.onExit().get(remaining, TimeUnit.NANOSECONDS);
        }
        catch (Exception notInTime) {
            // Killed forcibly by the caller.
        }
    }

    private long enginePid() {
        return guard.descendants().findFirst().map(ProcessHandle::pid).orElse(guard.pid());
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!guard.isAlive()) {
                throw new DevServicesException(name + " exited during start-up with code " + guard.exitValue()
                        + "; its output is in " + logFile.toAbsolutePath() + ":\n" + tail(logFile));
            }
            if (accepts(port)) {
                return;
            }
            pause();
        }
        stop(Duration.ofSeconds(2));
        throw new DevServicesException(name + " did not accept connections on port " + port + " within " + timeout
                + "; its output is in " + logFile.toAbsolutePath() + ":\n" + tail(logFile));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException notYet) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServicesException("Interrupted while waiting for an engine to start", e);
        }
    }

    private static String tail(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
        }
        catch (IOException e) {
            return "(no output)";
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new DevServicesException("No free loopback port for a local engine", e);
        }
    }
}
