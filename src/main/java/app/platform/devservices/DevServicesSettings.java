package app.platform.devservices;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local engines that the application starts for itself when no external endpoint is configured.
 *
 * @param enabled whether dev services may start engines at all (off in the {@code aws} profile)
 * @param dataDir where persistent engine data, logs and the engine lock file live
 * @param enginesDir the folder holding the pinned Node.js engine packages ({@code node_modules/dynalite})
 * @param startupTimeout how long an engine may take to accept connections
 * @param dynamodb the DynamoDB engine (dynalite)
 * @param redis the Redis engine (redis-server)
 */
@ConfigurationProperties("app.dev-services")
public record DevServicesSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(".data") Path dataDir,
        @DefaultValue("dev") Path enginesDir,
        @DefaultValue("30s") Duration startupTimeout,
        @DefaultValue DynamoDb dynamodb,
        @DefaultValue Redis redis) {

    /**
     * @param persistent keep tables on disk under {@code dataDir/dynamodb} (local runs) or in memory (tests)
     * @param node the Node.js executable that runs dynalite
     */
    public record DynamoDb(@DefaultValue("true") boolean persistent, @DefaultValue("node") String node) {
    }

    /**
     * @param required fail the start when {@code redis-server} is missing (tests) instead of degrading to L1 caching
     * @param executable the redis-server executable
     */
    public record Redis(@DefaultValue("false") boolean required, @DefaultValue("redis-server") String executable) {
    }
}
