package app.platform.operations;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param interval how often a probe is handed to the request threads
 * @param stallLimit how long a probe may wait for a request thread before the instance counts as stalled: longer
 *     than any request should queue, since a stalled instance is replaced
 * @param threadDumpDir where the thread dump taken when the instance stalls is written
 */
@Validated
@ConfigurationProperties("app.operations.watchdog")
record WatchdogSettings(
        @DefaultValue("5s") Duration interval,
        @DefaultValue("30s") Duration stallLimit,
        @DefaultValue("${java.io.tmpdir}") Path threadDumpDir) {
}
