package bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages the benchmark's subscribers received: each one's latency from the application's send (the
 * {@code sentAt} in its payload, microseconds since the epoch on the same machine's clock) to its arrival here.
 */
final class Deliveries {

    private static final Pattern SENT_AT = Pattern.compile("\"sentAt\"\\s*:\\s*(\\d+)");

    private final long[] latencies;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong lastArrival = new AtomicLong();

    Deliveries(int capacity) {
        latencies = new long[capacity];
    }

    /** Records a payload carrying {@code "sentAt"}; other payloads are ignored. */
    void received(CharSequence payload) {
        Matcher sentAt = SENT_AT.matcher(payload);
        if (!sentAt.find()) {
            return;
        }
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        int index = count.getAndIncrement();
        if (index < latencies.length) {
            latencies[index] = (now - Long.parseLong(sentAt.group(1))) * 1000;
        }
        lastArrival.accumulateAndGet(System.nanoTime(), Math::max);
    }

    int count() {
        return count.get();
    }

    long lastArrivalNanos() {
        return lastArrival.get();
    }

    /** The recorded latencies in nanoseconds, sorted. */
    List<Long> sortedLatencies() {
        int recorded = Math.min(count.get(), latencies.length);
        List<Long> sorted = new ArrayList<>(recorded);
        for (int i = 0; i < recorded; i++) {
            sorted.add(latencies[i]);
        }
        sorted.sort(null);
        return sorted;
    }
}
