package app.platform.dynamodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Applies {@link TallyIncremented} once per event id, however often it is delivered. */
@Component
class TallyListener {

    private final Tallies tallies;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    TallyListener(Tallies tallies) {
        this.tallies = tallies;
    }

    @ApplicationModuleListener
    void on(TallyIncremented event) {
        deliveries.computeIfAbsent(event.owner(), owner -> new AtomicInteger()).incrementAndGet();
        Tally tally = tallies.find(Tally.key(event.owner())).orElseGet(() -> Tally.of(event.owner()));
        if (tally.hasHandled(event.eventId())) {
            return;
        }
        tally.increment();
        tally.markHandled(event.eventId());
        tallies.save(tally);
    }

    /** How often events for this owner's tally were delivered, effective or not. */
    int deliveries(String owner) {
        return deliveries.getOrDefault(owner, new AtomicInteger()).get();
    }
}
