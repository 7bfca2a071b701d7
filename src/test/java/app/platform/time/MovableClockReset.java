package app.platform.time;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * After every test method of a Spring test, the context's {@link MovableClock} follows the system clock again:
 * contexts are shared by many test classes, and a clock a test left moved would move them all. Registered in
 * {@code META-INF/spring.factories}.
 */
public class MovableClockReset implements TestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(MovableClock.class).ifAvailable(MovableClock::reset);
        }
    }
}
