package app.platform.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

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
    void record(List<Long> enginePids) {
        write(enginePids);
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
        long owner = Long.parseLong(previous.getProperty("owner", "-1"));
        if (owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
            throw new DevServicesException("Another application process (pid " + owner + ") is using the local data in "
                    + dataDir.toAbsolutePath() + ". Stop it first, or give this run its own folder with "
                    + "--app.dev-services.data-dir=<folder>.");
        }
        List<ProcessHandle> leftovers = Arrays.stream(previous.getProperty("engines", "").split(","))
                .filter(pid -> !pid.isBlank())
                .map(pid -> ProcessHandle.of(Long.parseLong(pid.trim())))
                .flatMap(Optional::stream)
                .filter(EngineLock::isEngineProcess)
                .toList();
        if (!leftovers.isEmpty()) {
            log.warn("Stopping {} engine process(es) left behind by a previous run (pid {})", leftovers.size(), owner);
            leftovers.forEach(ProcessHandle::destroy);
            leftovers.forEach(EngineLock::awaitExitOrKill);
        }
    }

    private static void awaitExitOrKill(ProcessHandle process) {
        try {
            process.onExit().get(LEFTOVER_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (Exception notInTime) {
            process.destroyForcibly();
        }
    }

    /** A recorded pid may have been reused by an unrelated process since; only engines and their guards are stopped. */
    private static boolean isEngineProcess(ProcessHandle process) {
        String commandLine = process.info().commandLine().orElse("");
        return process.isAlive() && (commandLine.contains("dynalite") || commandLine.contains("redis-server"));
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

    private void write(List<Long> enginePids) {
        Properties properties = new Properties();
        properties.setProperty("owner", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("engines", enginePids.stream().map(String::valueOf).collect(Collectors.joining(",")));
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
