package app.platform.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when an engine cannot be had. */
class LocalEnginesTests {

    @TempDir
    Path dataDir;

    @Test
    void aMissingRedisServerFailsATestRunWithWhatToInstall() {
        LocalEngines.Request request = new LocalEngines.Request(settings(true), false, true);

        assertThatThrownBy(() -> LocalEngines.acquire(request))
                .isInstanceOf(DevServicesException.class)
                .hasMessageContaining("redis-server is not installed")
                .hasMessageContaining("apt-get install redis-server");
    }

    @Test
    void aMissingRedisServerLetsALocalRunContinueWithTheReason() {
        LocalEngines.Request request = new LocalEngines.Request(settings(false), false, true);

        LocalEngines.Lease lease = LocalEngines.acquire(request);
        try {
            assertThat(lease.endpoints().redisPort()).isNull();
            assertThat(lease.endpoints().redisUnavailable()).contains("apt-get install redis-server");
        }
        finally {
            lease.release();
        }
    }

    @Test
    void aMissingDynaliteSaysHowToInstallIt() {
        DevServicesSettings settings = new DevServicesSettings(true, dataDir, dataDir.resolve("no-engines-here"),
                Duration.ofSeconds(5), new DevServicesSettings.DynamoDb(false, "node"),
                new DevServicesSettings.Redis(false, "redis-server"));

        assertThatThrownBy(() -> LocalEngines.acquire(new LocalEngines.Request(settings, true, false)))
                .isInstanceOf(DevServicesException.class)
                .hasMessageContaining("dynalite is not installed")
                .hasMessageContaining("npm ci --prefix dev");
    }

    private DevServicesSettings settings(boolean redisRequired) {
        return new DevServicesSettings(true, dataDir, Path.of("dev"), Duration.ofSeconds(5),
                new DevServicesSettings.DynamoDb(false, "node"),
                new DevServicesSettings.Redis(redisRequired, "redis-server-that-is-not-installed"));
    }
}
