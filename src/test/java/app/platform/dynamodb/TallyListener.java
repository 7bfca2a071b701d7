package app.platform.dynamodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@link TallyIncremented} once per event id, however often it is delivered. Tallies named {@code flaky-*}
 * fail their first delivery and {@code failing-*} every delivery, as a listener whose downstream is down would.
 */
@Component
class TallyListener {

    private final Tallies tallies;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    TallyListener(Tallies tallies) {
        this.tallies = tallies;
    }

    /** Tallies whose owner starts with this prefix wait for {@link #release()} before their effect (crash tests). */
    private volatile String heldPrefix;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @ApplicationModuleListener
    void on(TallyIncremented event) throws InterruptedException {
        deliveries.computeIfAbsent(event.owner(), owner -> new AtomicInteger()).incrementAndGet();
        if (event.owner().startsWith("failing-")
                || event.owner().startsWith("flaky-") && deliveries(event.owner()) == 1) {
            throw new IllegalStateException("Tally " + event.owner() + " is not available right now");
        }
        String held = heldPrefix;
        if (held != null && event.owner().startsWith(held)) {
            gate.await();
        }
        count(event);
    }

    /** The listener's effect, applied once per event id; runs in the delivery's transaction. */
    void count(TallyIncremented event) {
        Tally tally = tallies.find(Tally.key(event.owner())).orElseGet(() -> Tally.of(event.owner()));
        if (tallies.hasHandled(tally, event.eventId())) {
            return;
        }
        tally.increment();
        tally.markHandled(event.eventId());
        tallies.save(tally);
    }

    /** Holds the listener for tallies whose owner starts with {@code prefix} until {@link #release()}. */
    void hold(String prefix) {
        gate = new CountDownLatch(1);
        heldPrefix = prefix;
    }

    void release() {
        heldPrefix = null;
        gate.countDown();
    }

    /** How often events for this owner's tally were delivered, effective or not. */
    int deliveries(String owner) {
        return deliveries.getOrDefault(owner, new AtomicInteger()).get();
    }
}
