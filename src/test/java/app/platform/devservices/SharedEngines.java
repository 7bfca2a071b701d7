package app.platform.devservices;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A dynalite and a redis-server owned by the test JVM rather than by an application, for end-to-end tests in which
 * several application processes share one engine and one of them is killed: the engines outlive every application.
 */
public final class SharedEngines implements AutoCloseable {

    private final LocalEngines.Lease lease;

    private SharedEngines(LocalEngines.Lease lease) {
        this.lease = lease;
    }

    /** Starts an in-memory dynalite and a redis-server, with dynalite from the given engines folder. */
    public static SharedEngines start(Path enginesDir, Path dataDir) {
        DevServicesSettings settings = new DevServicesSettings(true, dataDir, enginesDir, Duration.ofSeconds(30),
                new DevServicesSettings.DynamoDb(false, "node"), new DevServicesSettings.Redis(true, "redis-server"));
        return new SharedEngines(LocalEngines.acquire(new LocalEngines.Request(settings, true, true)));
    }

    /** The application arguments that point an application at these engines instead of starting its own. */
    public String[] applicationArguments() {
        LocalEngines.Endpoints endpoints = lease.endpoints();
        return new String[] {
            "--app.dynamodb.endpoint=http://127.0.0.1:" + endpoints.dynamodbPort(),
            "--spring.data.redis.host=127.0.0.1",
            "--spring.data.redis.port=" + endpoints.redisPort(),
        };
    }

    @Override
    public void close() {
        lease.release();
    }
}
