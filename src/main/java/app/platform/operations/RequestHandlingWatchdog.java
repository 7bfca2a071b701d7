package app.platform.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

import app.platform.operations.StallDetector.State;

/**
 * Turns the instance's liveness {@code BROKEN} when its request threads stop taking work (all of them stuck, or a
 * thread scheduler that no longer runs them), so that its platform's health check fails and the instance is
 * replaced instead of looking alive while every request times out. It runs on a platform thread of its own, writes a
 * thread dump (virtual threads included) when the instance stalls, and turns liveness {@code CORRECT} again if the
 * threads recover.
 */
final class RequestHandlingWatchdog implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RequestHandlingWatchdog.class);

    private final WatchdogSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("request-watchdog").daemon(true).factory());
    private State last = State.TAKING_WORK;

    RequestHandlingWatchdog(WatchdogSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Starts watching the main web server's request threads (a separate management server is not watched). */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent started) {
        if (started.getApplicationContext().getServerNamespace() == null
                && started.getWebServer() instanceof TomcatWebServer tomcat) {
            watch(tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor());
        }
    }

    void watch(Executor requestThreads) {
        StallDetector detector = new StallDetector(requestThreads, settings.stallLimit(), clock);
        long every = settings.interval().toMillis();
        timer.scheduleWithFixedDelay(() -> check(detector), every, every, TimeUnit.MILLISECONDS);
    }

    void check(StallDetector detector) {
        State now = detector.check();
        if (now == last) {
            return;
        }
        last = now;
        if (now == State.STALLED) {
            log.error("No request thread has taken work for {} s (limit app.operations.watchdog.stall-limit = {} s): "
                    + "liveness is BROKEN; thread dump: {}", detector.waited().toSeconds(),
                    settings.stallLimit().toSeconds(), threadDump());
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
        else {
            log.warn("The request threads take work again: liveness is CORRECT");
            AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
        }
    }

    private String threadDump() {
        try {
            Path dump = ThreadDumps.write(settings.threadDumpDir(), "request-threads-stalled");
            return dump + " (" + ThreadDumps.summary(dump) + ")";
        }
        catch (IOException | RuntimeException notWritten) {
            return "not written (" + notWritten + ")";
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
