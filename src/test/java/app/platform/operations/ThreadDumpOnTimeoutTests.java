package app.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A method that runs past its timeout leaves a thread dump with every thread, virtual ones included, taken at the
 * timeout while the method is still stuck; the failure is rethrown as it was. JUnit's own timeout is not provoked
 * here (that test would fail): the extension is called as JUnit calls it, with this test's real context.
 */
class ThreadDumpOnTimeoutTests {

    private final ThreadDumpOnTimeout extension = new ThreadDumpOnTimeout();
    private final CountDownLatch release = new CountDownLatch(1);
    private final String parkedName = "parked-" + UUID.randomUUID();
    private ExtensionContext context;

    @RegisterExtension
    final BeforeEachCallback captureContext = context -> this.context = context;

    @AfterEach
    void releaseParkedThreads() {
        release.countDown();
    }

    @Test
    void atTheTimeoutTheDumpShowsTheStuckMethodAndVirtualThreads() throws Exception {
        Thread.ofVirtual().name(parkedName).start(this::parkUntilReleased);
        List<Path> before = dumps();

        extension.beforeThreadInterrupt(Thread::currentThread, context);

        Path dump = onlyNewDump(before);
        assertThat(dump.getFileName().toString())
                .startsWith("ThreadDumpOnTimeoutTests.atTheTimeoutTheDumpShowsTheStuckMethodAndVirtualThreads-");
        assertThat(Files.readString(dump)).contains("\"" + parkedName + "\" virtual")
                .as("the stack of the method that timed out")
                .contains("ThreadDumpOnTimeoutTests.atTheTimeoutTheDumpShowsTheStuckMethodAndVirtualThreads(");
        assertThat(ThreadDumps.summary(dump)).matches("\\d+ threads \\([1-9]\\d* virtual\\): .*WAITING \\d+.*");
    }

    @Test
    void theTimeoutFailureIsRethrownUnchangedAfterTheDump() throws Exception {
        Thread.ofVirtual().name(parkedName).start(this::parkUntilReleased);
        TimeoutException timeout = new TimeoutException("aTest() timed out after 5 minutes");
        List<Path> before = dumps();

        assertThatThrownBy(() -> extension.handleTestExecutionException(context, timeout)).isSameAs(timeout);

        assertThat(timeout.getSuppressed()).isEmpty();
        assertThat(Files.readString(onlyNewDump(before))).contains("\"" + parkedName + "\" virtual");
    }

    @Test
    void aDumpTakenAtTheInterruptIsNotTakenAgainWhenTheFailureArrives() throws Exception {
        extension.beforeThreadInterrupt(Thread::currentThread, context);
        List<Path> afterInterrupt = dumps();

        assertThatThrownBy(() -> extension.handleBeforeEachMethodExecutionException(context,
                new TimeoutException("setUp() timed out after 5 minutes"))).isInstanceOf(TimeoutException.class);

        assertThat(dumps()).isEqualTo(afterInterrupt);
    }

    @Test
    void otherFailuresPassThroughWithoutADump() throws Exception {
        AssertionError failure = new AssertionError("expected 1 but was 2");
        TimeoutException ownTimeout = new TimeoutException("no answer from the test server");
        List<Path> before = dumps();

        assertThatThrownBy(() -> extension.handleTestExecutionException(context, failure)).isSameAs(failure);
        assertThatThrownBy(() -> extension.handleAfterEachMethodExecutionException(context, ownTimeout))
                .isSameAs(ownTimeout);

        assertThat(dumps()).isEqualTo(before);
    }

    private void parkUntilReleased() {
        try {
            release.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path onlyNewDump(List<Path> before) throws IOException {
        List<Path> added = dumps().stream().filter(dump -> !before.contains(dump)).toList();
        assertThat(added).hasSize(1);
        return added.getFirst();
    }

    private static List<Path> dumps() throws IOException {
        if (!Files.isDirectory(ThreadDumpOnTimeout.DIRECTORY)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ThreadDumpOnTimeout.DIRECTORY)) {
            return files.map(Path::toAbsolutePath).sorted().toList();
        }
    }
}
