package app.platform.operations;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Leaves a thread dump, virtual threads included, when a test or lifecycle method runs past its timeout
 * ({@code junit.jupiter.execution.timeout.default} in {@code junit-platform.properties}, or its own {@code @Timeout}).
 * The dump is taken at the timeout, just before JUnit interrupts the method, so it shows where the method is stuck
 * even if the interrupt cannot end it; its path and a summary go to standard error, which lands in the test's report.
 * When the failure, JUnit's {@link TimeoutException}, reaches this extension, it names that dump again (or takes one
 * if none was taken) and is rethrown unchanged.
 *
 * <p>Registered for every test through {@code META-INF/services} and extension auto-detection. A fork that Surefire
 * or Failsafe kills at {@code forkedProcessTimeoutInSeconds} gets no dump from here: the plugin's own message names
 * the fork, and the dumps of any test that timed out before it are already written.
 */
public final class ThreadDumpOnTimeout
        implements PreInterruptCallback, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Where the dumps go, beside the test reports. */
    static final Path DIRECTORY = Path.of("target", "thread-dumps");

    private static final ExtensionContext.Namespace DUMPS =
            ExtensionContext.Namespace.create(ThreadDumpOnTimeout.class);

    @Override
    public void beforeThreadInterrupt(PreInterruptContext interrupt, ExtensionContext context) throws IOException {
        Path dump = ThreadDumps.write(DIRECTORY, nameOf(context));
        context.getStore(DUMPS).put(Path.class, dump);
        report(nameOf(context) + " reached its timeout; thread \"" + interrupt.getThreadToInterrupt().getName()
                + "\" is interrupted now", dump);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw afterFailure(context, thrown);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw afterFailure(context, thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw afterFailure(context, thrown);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw afterFailure(context, thrown);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw afterFailure(context, thrown);
    }

    /** JUnit's timeout failure: {@code TimeoutException("<method> timed out after <duration>")}. */
    static boolean isJUnitTimeout(Throwable thrown) {
        return thrown instanceof TimeoutException && thrown.getMessage() != null
                && thrown.getMessage().contains(" timed out after ");
    }

    private static Throwable afterFailure(ExtensionContext context, Throwable thrown) {
        if (!isJUnitTimeout(thrown)) {
            return thrown;
        }
        try {
            Path atInterrupt = context.getStore(DUMPS).get(Path.class, Path.class);
            if (atInterrupt != null) {
                System.err.println("[thread dump] " + thrown.getMessage() + "; taken at the timeout: " + atInterrupt);
            }
            else {
                report(thrown.getMessage(), ThreadDumps.write(DIRECTORY, nameOf(context)));
            }
        }
        catch (IOException | RuntimeException notWritten) {
            thrown.addSuppressed(notWritten);
        }
        return thrown;
    }

    private static void report(String what, Path dump) throws IOException {
        System.err.println("[thread dump] " + what + ": " + dump + " (" + ThreadDumps.summary(dump) + ")");
    }

    private static String nameOf(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName()
                + context.getTestMethod().map(Method::getName).map(name -> "." + name).orElse("");
    }
}
