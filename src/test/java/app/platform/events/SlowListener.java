package app.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.stereotype.Component;

/**
 * Listens to {@link SlowProbe} as a listener calling an AI model would: each delivery runs until the test lets the
 * probe's run finish ({@link #finish}), at most a minute.
 */
@Component
class SlowListener {

    static final PublicationTargetIdentifier ID = PublicationTargetIdentifier.of(
            "app.platform.events.SlowListener.on(app.platform.events.SlowProbe)");

    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> finished = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(SlowProbe probe) throws InterruptedException {
        deliveries.computeIfAbsent(probe.run(), run -> new AtomicInteger()).incrementAndGet();
        if (!finished(probe.run()).await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Run " + probe.run() + " was not finished within a minute");
        }
    }

    /** Lets the run's deliveries, running and future, finish. */
    void finish(String run) {
        finished(run).countDown();
    }

    /** How often the run's probe reached this listener. */
    int deliveries(String run) {
        return deliveries.getOrDefault(run, new AtomicInteger()).get();
    }

    private CountDownLatch finished(String run) {
        return finished.computeIfAbsent(run, key -> new CountDownLatch(1));
    }
}
