package app.platform.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock file in the persistent data folder recording which application process owns the engines and their process
 * ids, so that a start after the JVM was killed can clean up what the killed run left behind (stale engines holding
 * the data folder's LevelDB lock) and a second concurrent run gets a clear refusal instead of a corrupted folder.
 */
final class EngineLock {

    private static final Logger log = LoggerFactory.getLogger(EngineLock.class);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(5);

    private final Path file;

    private EngineLock(Path file) {
        this.file = file;
    }

    /** Takes the lock for this process, cleaning up after a dead previous owner. */
    static EngineLock acquire(Path dataDir) {
        Path file = dataDir.resolve("engines.lock");
        EngineLock lock = new EngineLock(file);
        lock.read().ifPresent(previous -> lock.reclaimFrom(previous, dataDir));
        lock.write(List.of());
        return lock;
    }

    /** Records the engines now running, so a later start can stop them if this process dies. */
    void record(List<ProcessHandle> engines) {
        write(engines.stream().map(EngineLock::identity).toList());
    }

    /** A pid with its start time: a pid reused by an unrelated process since has another start time. */
    static String identity(ProcessHandle process) {
        return process.pid() + "@" + process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    void release() {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private void reclaimFrom(Properties previous, Path dataDir) {
        String owner = previous.getProperty("owner", "");
        if (isRunning(owner)) {
            throw new DevServicesException("An application process (pid " + pidOf(owner) + ") is using the local data in "
                    + dataDir.toAbsolutePath() + ". Stop it first, or give this run its own folder with "
                    + "--app.dev-services.data-dir=<folder>.");
        }
        List<ProcessHandle> leftovers = Arrays.stream(previous.getProperty("engines", "").split(","))
                .map(String::trim)
                .filter(EngineLock::isRunning)
                .map(identity -> ProcessHandle.of(pidOf(identity)))
                .flatMap(Optional::stream)
                .toList();
        if (!leftovers.isEmpty()) {
            log.warn("Stopping {} engine process(es) left behind by a previous run", leftovers.size());
            leftovers.forEach(ProcessHandle::destroy);
            leftovers.forEach(EngineLock::awaitExitOrKill);
        }
    }

    /** Whether the process recorded as {@code pid@startMillis} still runs (and is not a later one with its pid). */
    private static boolean isRunning(String identity) {
        if (!identity.matches("\\d+@\\d+")) {
            return false;
        }
        return ProcessHandle.of(pidOf(identity))
                .filter(ProcessHandle::isAlive)
                .map(process -> identity(process).equals(identity))
                .orElse(false);
    }

    private static long pidOf(String identity) {
        return Long.parseLong(identity.substring(0, identity.indexOf('@')));
    }

    private static void awaitExitOrKill(ProcessHandle process) {
        try {
            process.onExit().get(LEFTOVER_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (Exception notInTime) {
            process.destroyForcibly();
        }
    }

    private Optional<Properties> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (var reader = Files.newBufferedReader(file)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.of(properties);
        }
        catch (IOException | IllegalArgumentException e) {
            log.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void write(List<String> engines) {
        Properties properties = new Properties();
        properties.setProperty("owner", identity(ProcessHandle.current()));
        properties.setProperty("engines", String.join(",", engines));
        try {
            Files.createDirectories(file.getParent());
            try (var writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Local engines of the running application; safe to delete when it is stopped");
            }
        }
        catch (IOException e) {
            throw new DevServicesException("Cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
