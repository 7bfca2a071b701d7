package app.platform.operations;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;

/**
 * Thread dumps of this JVM as plain text files that list virtual threads too (what
 * {@code jcmd <pid> Thread.dump_to_file} writes, unlike {@code jstack}).
 */
final class ThreadDumps {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final Pattern THREAD = Pattern.compile("^#\\d+ \".*\"( virtual)? ([A-Z_]+)", Pattern.MULTILINE);

    private ThreadDumps() {
    }

    /** Dumps every thread to {@code <folder>/<name>-<timestamp>.txt} and answers the file's path. */
    static Path write(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + STAMP.format(Instant.now())
                + ".txt").toAbsolutePath();
        for (int taken = 1; Files.exists(file); taken++) {
            file = file.resolveSibling(file.getFileName().toString().replace(".txt", "") + "-" + taken + ".txt");
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpThreads(file.toString(),
                ThreadDumpFormat.TEXT_PLAIN);
        return file;
    }

    /** One line on a dump: its threads, how many of them are virtual, and their states. */
    static String summary(Path dump) throws IOException {
        Matcher threads = THREAD.matcher(Files.readString(dump));
        int all = 0;
        int virtual = 0;
        Map<String, Integer> states = new TreeMap<>();
        while (threads.find()) {
            all++;
            virtual += threads.group(1) == null ? 0 : 1;
            states.merge(threads.group(2), 1, Integer::sum);
        }
        List<String> byState = states.entrySet().stream().map(state -> state.getKey() + " " + state.getValue())
                .toList();
        return all + " threads (" + virtual + " virtual): " + String.join(", ", byState);
    }
}
