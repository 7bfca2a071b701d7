package app.platform.eventbridge;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Two listeners of {@link NoteReviewed}, each recording its effect once it has succeeded. */
@Component
class NoteReviewListeners {

    private final Queue<NoteReviewed> reviewed = new ConcurrentLinkedQueue<>();
    private final Queue<NoteReviewed> notified = new ConcurrentLinkedQueue<>();
    private final Map<UUID, AtomicInteger> notifyAttempts = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void review(NoteReviewed event) throws InterruptedException {
        Thread.sleep(event.reviewMillis()); // the work a listener does
        reviewed.add(event);
    }

    @ApplicationModuleListener
    void notifyReviewer(NoteReviewed event) {
        int attempt = notifyAttempts.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        if (attempt <= event.notifyFailures()) {
            throw new IllegalStateException("the reviewer could not be notified (attempt " + attempt + ")");
        }
        notified.add(event);
    }

    List<NoteReviewed> reviewed(String owner) {
        return reviewed.stream().filter(event -> event.owner().equals(owner)).toList();
    }

    List<NoteReviewed> notified(String owner) {
        return notified.stream().filter(event -> event.owner().equals(owner)).toList();
    }

    int notifyAttempts(NoteReviewed event) {
        return notifyAttempts.getOrDefault(event.eventId(), new AtomicInteger()).get();
    }
}
