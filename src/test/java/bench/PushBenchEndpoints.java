package bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.platform.push.LiveMessages;
import app.platform.push.PushStreams;

/**
 * What {@code bench/push.sh} asks of the application under load: send timestamped messages to a user's open streams
 * at a steady rate, count the open streams, and measure the heap after a full collection.
 */
@RestController
class PushBenchEndpoints {

    private final PushStreams streams;
    private final LiveMessages live;
    private final SimpUserRegistry stompUsers;

    PushBenchEndpoints(PushStreams streams, LiveMessages live, SimpUserRegistry stompUsers) {
        this.streams = streams;
        this.live = live;
        this.stompUsers = stompUsers;
    }

    record Sent(int messages, double seconds) {
    }

    /** The heap after a full collection, and the SSE streams and STOMP sessions open on this instance. */
    record Heap(long usedBytes, long maxBytes, int openStreams, int openSessions) {
    }

    /** Sends {@code messages} events to each of the users' streams, spread evenly over time at {@code rate}/s. */
    @PostMapping("/bench/push/sse")
    Sent sse(@RequestParam String[] users, @RequestParam int messages, @RequestParam double rate) {
        return paced(users, messages, rate, user -> streams.publish(user, "bench", sentNow()));
    }

    /** The same to each of the users' STOMP sessions, on {@code /user/queue/notifications}. */
    @PostMapping("/bench/push/stomp")
    Sent stomp(@RequestParam String[] users, @RequestParam int messages, @RequestParam double rate) {
        return paced(users, messages, rate, user -> live.toUser(user, "/queue/notifications", sentNow()));
    }

    @GetMapping("/bench/heap")
    Heap heap() {
        System.gc();
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        int sessions = stompUsers.getUsers().stream().mapToInt(user -> user.getSessions().size()).sum();
        return new Heap(heap.getUsed(), heap.getMax(), streams.openStreams(), sessions);
    }

    static Map<String, Long> sentNow() {
        return Map.of("sentAt", ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
    }

    /** One round sends one message to every user; rounds start at {@code rate} per second. */
    static Sent paced(String[] users, int messages, double rate, Consumer<String> send) {
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        for (int round = 0; round < messages; round++) {
            long due = start + round * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            for (String user : users) {
                send.accept(user);
            }
        }
        return new Sent(messages, (System.nanoTime() - start) / 1e9);
    }
}
