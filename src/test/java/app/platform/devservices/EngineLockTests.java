package app.platform.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/** What a start finds in the data folder after an earlier run, and what it does about it. */
class EngineLockTests {

    @TempDir
    Path dataDir;

    private Process leftover;
    private Process owner;

    @AfterEach
    void stopProcesses() {
        for (Process process : new Process[] { leftover, owner }) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aStartAfterTheOwnerWasKilledStopsTheEnginesItLeftBehind() throws Exception {
        leftover = new ProcessBuilder("sleep", "120").start();
        writeLock(deadProcess(), EngineLock.identity(leftover.toHandle()));

        EngineLock lock = EngineLock.acquire(dataDir);

        await().atMost(Duration.ofSeconds(10)).until(() -> !leftover.isAlive());
        assertThat(Files.readString(dataDir.resolve("engines.lock")))
                .contains("owner=" + EngineLock.identity(ProcessHandle.current()));
        lock.release();
        assertThat(dataDir.resolve("engines.lock")).doesNotExist();
    }

    @Test
    void aRecordedPidReusedByAnotherProcessIsLeftAlone() throws Exception {
        leftover = new ProcessBuilder("sleep", "120").start();
        long otherStartTime = leftover.toHandle().info().startInstant().orElseThrow().toEpochMilli() - 60_000;
        writeLock(deadProcess(), leftover.pid() + "@" + otherStartTime);

        EngineLock.acquire(dataDir).release();

        assertThat(leftover.isAlive()).isTrue();
    }

    @Test
    void aFolderInUseByALiveApplicationIsRefusedWithAClearMessage() throws Exception {
        owner = new ProcessBuilder("sleep", "120").start();
        writeLock(EngineLock.identity(owner.toHandle()));

        assertThatThrownBy(() -> EngineLock.acquire(dataDir))
                .isInstanceOf(DevServicesException.class)
                .hasMessageContaining("pid " + owner.pid())
                .hasMessageContaining("app.dev-services.data-dir");
    }

    private void writeLock(String owner, String... engines) throws IOException {
        Files.writeString(dataDir.resolve("engines.lock"),
                "owner=" + owner + "\nengines=" + String.join(",", engines) + "\n");
    }

    /** The identity of a process that has ended, as a killed application's would be. */
    private static String deadProcess() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        String identity = EngineLock.identity(finished.toHandle());
        finished.waitFor();
        return identity;
    }
}
