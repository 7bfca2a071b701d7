package app.platform.devservices;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local engines of this JVM. Application contexts that ask for the same engines share one running set (a test
 * JVM starts one dynalite and one redis-server for all its cached contexts); the set stops when the last context
 * that uses it closes.
 */
final class LocalEngines {

    private static final Logger log = LoggerFactory.getLogger(LocalEngines.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Map<Request, Shared> running = new HashMap<>();

    private LocalEngines() {
    }

    /** What a context asks for: the settings and which of the two engines it needs. */
    record Request(DevServicesSettings settings, boolean dynamodb, boolean redis) {
    }

    /**
     * Where the engines listen.
     *
     * @param dynamodbPort the dynalite port, or null when DynamoDB is configured elsewhere
     * @param redisPort the redis-server port, or null when Redis is configured elsewhere or unavailable
     * @param redisUnavailable why no local Redis runs although one was wanted, or null
     */
    record Endpoints(Integer dynamodbPort, Integer redisPort, String redisUnavailable) {
    }

    /** A context's hold on the shared engines; releasing the last hold stops them. */
    interface Lease {
        Endpoints endpoints();

        void release();
    }

    static synchronized Lease acquire(Request request) {
        Shared shared = running.get(request);
        if (shared == null || !shared.engines.isAlive()) {
            shared = new Shared(EngineSet.start(request));
            running.put(request, shared);
        }
        shared.holders++;
        Shared held = shared;
        return new Lease() {
            private boolean released;

            @Override
            public Endpoints endpoints() {
                return held.engines.endpoints();
            }

            @Override
            public void release() {
                synchronized (LocalEngines.class) {
                    if (released) {
                        return;
                    }
                    released = true;
                    if (--held.holders == 0) {
                        running.remove(request, held);
                        held.engines.stop();
                    }
                }
            }
        };
    }

    private static final class Shared {
        private final EngineSet engines;
        private int holders;

        private Shared(EngineSet engines) {
            this.engines = engines;
        }
    }

    /** One running dynalite and/or redis-server, with the lock file of a persistent data folder. */
    private record EngineSet(List<LocalEngine> engines, Endpoints endpoints, Optional<EngineLock> lock) {

        static EngineSet start(Request request) {
            DevServicesSettings settings = request.settings();
            boolean persistent = settings.dynamodb().persistent();
            Path workDir = persistent ? settings.dataDir() : temporaryFolder();
            Optional<EngineLock> lock = persistent ? Optional.of(EngineLock.acquire(settings.dataDir())) : Optional.empty();
            List<LocalEngine> engines = new ArrayList<>();
            try {
                Integer dynamodbPort = null;
                Integer redisPort = null;
                String redisUnavailable = null;
                if (request.dynamodb()) {
                    LocalEngine dynalite = startDynalite(settings, workDir);
                    engines.add(dynalite);
                    dynamodbPort = dynalite.port();
                }
                if (request.redis()) {
                    Optional<Path> executable = findExecutable(settings.redis().executable());
                    if (executable.isPresent()) {
                        LocalEngine redis = startRedis(executable.get(), settings, workDir);
                        engines.add(redis);
                        redisPort = redis.port();
                    }
                    else {
                        redisUnavailable = redisMissing(settings);
                    }
                }
                lock.ifPresent(l -> l.record(engines.stream().flatMap(e -> e.processes().stream()).toList()));
                return new EngineSet(engines, new Endpoints(dynamodbPort, redisPort, redisUnavailable), lock);
            }
            catch (RuntimeException e) {
                engines.forEach(engine -> engine.stop(STOP_GRACE));
                lock.ifPresent(EngineLock::release);
                throw e;
            }
        }

        boolean isAlive() {
            return engines.stream().allMatch(LocalEngine::isAlive);
        }

        void stop() {
            engines.reversed().forEach(engine -> engine.stop(STOP_GRACE));
            lock.ifPresent(EngineLock::release);
        }

        private static LocalEngine startDynalite(DevServicesSettings settings, Path workDir) {
            Path cli = settings.enginesDir().resolve("node_modules/dynalite/cli.js").toAbsolutePath();
            if (!Files.isRegularFile(cli)) {
                throw new DevServicesException("dynalite is not installed (looked for " + cli + "). The build installs "
                        + "it: run mvn from the checkout root, or `npm ci --prefix dev`; or point the application at a "
                        + "DynamoDB endpoint with app.dynamodb.endpoint.");
            }
            List<String> command = new ArrayList<>(List.of(settings.dynamodb().node(), cli.toString(),
                    "--host", "127.0.0.1", "--port", "{port}",
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            if (settings.dynamodb().persistent()) {
                command.addAll(List.of("--path", workDir.resolve("dynamodb").toAbsolutePath().toString()));
            }
            return LocalEngine.start("dynalite", command, workDir.resolve("logs/dynalite.log"), settings.startupTimeout());
        }

        private static LocalEngine startRedis(Path executable, DevServicesSettings settings, Path workDir) {
            Path redisDir = workDir.resolve("redis").toAbsolutePath();
            try {
                Files.createDirectories(redisDir);
            }
            catch (IOException e) {
                throw new DevServicesException("Cannot create " + redisDir + ": " + e.getMessage(), e);
            }
            List<String> command = List.of(executable.toString(), "--bind", "127.0.0.1", "--port", "{port}",
                    "--save", "", "--appendonly", "no", "--dir", redisDir.toString(), "--daemonize", "no");
            return LocalEngine.start("redis-server", command, workDir.resolve("logs/redis.log"), settings.startupTimeout());
        }

        private static String redisMissing(DevServicesSettings settings) {
            String message = "redis-server is not installed (looked for '" + settings.redis().executable()
                    + "' on the PATH). Install it (Debian/Ubuntu: apt-get install redis-server) or point the "
                    + "application at a Redis with spring.data.redis.host and spring.data.redis.port.";
            if (settings.redis().required()) {
                throw new DevServicesException(message);
            }
            log.warn("{} Continuing with in-process (L1) caching and local rate limits only.", message);
            return message;
        }

        private static Optional<Path> findExecutable(String name) {
            Path given = Path.of(name);
            if (given.isAbsolute()) {
                return Optional.of(given).filter(Files::isExecutable);
            }
            return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .filter(dir -> !dir.isBlank())
                    .map(dir -> Path.of(dir, name))
                    .filter(Files::isExecutable)
                    .findFirst();
        }

        private static Path temporaryFolder() {
            try {
                Path folder = Files.createTempDirectory("app-engines-");
                folder.toFile().deleteOnExit();
                return folder;
            }
            catch (IOException e) {
                throw new DevServicesException("Cannot create a temporary folder for local engines: " + e.getMessage(), e);
            }
        }
    }
}
