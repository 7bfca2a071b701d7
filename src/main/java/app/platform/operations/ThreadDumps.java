package app.platform.operations;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;

/** Thread dumps of this JVM that list virtual threads too (what {@code jcmd <pid> Thread.dump_to_file} writes). */
final class ThreadDumps {

    private ThreadDumps() {
    }

    /** Writes a dump into the folder and answers its path, or why it could not be written. */
    static String writeTo(Path folder) {
        try {
            Path dump = Files.createDirectories(folder)
                    .resolve("thread-dump-" + ProcessHandle.current().pid() + "-" + Instant.now().toEpochMilli() + ".txt")
                    .toAbsolutePath();
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), ThreadDumpFormat.TEXT_PLAIN);
            return dump.toString();
        }
        catch (IOException | RuntimeException failed) {
            return "not written (" + failed + ")";
        }
    }
}
