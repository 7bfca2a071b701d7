package app.platform.dynamodb;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Two listeners of {@link NoteShared}, each a publication of its own, recording every delivery by listener. */
@Component
public class NoteSharedListeners {

    private record Delivery(String listener, String owner) {
    }

    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

    @ApplicationModuleListener
    void toAnalytics(NoteShared event) {
        deliveries.add(new Delivery("analytics", event.owner()));
    }

    @ApplicationModuleListener
    void toDelivery(NoteShared event) {
        deliveries.add(new Delivery("delivery", event.owner()));
    }

    /** The listeners that received this owner's events, once per delivery: a redelivery appears twice. */
    public List<String> deliveries(String owner) {
        return deliveries.stream().filter(delivery -> delivery.owner().equals(owner)).map(Delivery::listener).toList();
    }
}
