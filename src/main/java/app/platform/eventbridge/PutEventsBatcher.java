package app.platform.eventbridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Sends entries to EventBridge in PutEvents calls of at most 10 entries and 256 KB, gathering what arrives within
 * the batch window. Each entry's future completes when EventBridge accepted it; an entry it refuses (or a call that
 * fails) is retried with exponential backoff and jitter, and after the configured attempts its future fails, which
 * marks its event publication failed: visible, and resubmittable.
 */
class PutEventsBatcher implements SmartLifecycle {

    static final int MAX_ENTRIES = 10;
    private static final Logger log = LoggerFactory.getLogger(PutEventsBatcher.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final EventBridgeClient client;
    private final EventBridgeSettings settings;
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final ScheduledExecutorService retryTimer =
            Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("eventbridge-retry").daemon(true).factory());
    private volatile boolean running;
    private Thread sender;

    PutEventsBatcher(EventBridgeClient client, EventBridgeSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Queues an entry; the future completes once EventBridge has accepted it. */
    CompletableFuture<Void> submit(PutEventsRequestEntry entry) {
        if (!running) {
            return CompletableFuture.failedFuture(stopped());
        }
        Pending pending = new Pending(entry, EventBridgeEntries.sizeOf(entry), new CompletableFuture<>(), 1);
        queue.add(pending);
        return pending.done();
    }

    @Override
    public void start() {
        running = true;
        sender = Thread.ofPlatform().name("eventbridge-sender").daemon(true).start(this::sendUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        try {
            sender.join(STOP_TIMEOUT);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retryTimer.shutdownNow();
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(stopped());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void sendUntilStopped() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    send(batchStartingWith(first));
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException unexpected) {
                log.error("EventBridge sender failed; continuing", unexpected);
            }
        }
    }

    private List<Pending> batchStartingWith(Pending first) throws InterruptedException {
        List<Pending> batch = new ArrayList<>(List.of(first));
        int bytes = first.size();
        long deadline = System.nanoTime() + settings.batchWindow().toNanos();
        while (batch.size() < MAX_ENTRIES) {
            long remaining = deadline - System.nanoTime();
            Pending next = remaining > 0 ? queue.pollFirst(remaining, TimeUnit.NANOSECONDS) : queue.pollFirst();
            if (next == null) {
                break;
            }
            if (bytes + next.size() > EventBridgeEntries.MAX_ENTRY_BYTES) {
                queue.offerFirst(next);
                break;
            }
            batch.add(next);
            bytes += next.size();
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        PutEventsResponse response;
        try {
            response = client.putEvents(request -> request.entries(batch.stream().map(Pending::entry).toList()));
        }
        catch (SdkException callFailed) {
            batch.forEach(pending -> retryOrFail(pending, callFailed.getMessage()));
            return;
        }
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < batch.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result != null && result.errorCode() == null) {
                batch.get(i).done().complete(null);
            }
            else {
                retryOrFail(batch.get(i), result == null ? "no result for the entry"
                        : result.errorCode() + ": " + result.errorMessage());
            }
        }
    }

    private void retryOrFail(Pending pending, String reason) {
        String detailType = pending.entry().detailType();
        if (pending.attempt() >= settings.maxAttempts() || !running) {
            log.warn("EventBridge refused {} after {} attempt(s): {}", detailType, pending.attempt(), reason);
            pending.done().completeExceptionally(new EventBridgeDeliveryFailed(detailType, pending.attempt(), reason));
            return;
        }
        long delay = backoffNanos(pending.attempt());
        log.debug("EventBridge refused {} (attempt {}): {}; retrying in {} ms", detailType, pending.attempt(), reason,
                TimeUnit.NANOSECONDS.toMillis(delay));
        retryTimer.schedule(() -> queue.add(pending.nextAttempt()), delay, TimeUnit.NANOSECONDS);
    }

    /** Exponential backoff capped at the maximum, with jitter between half and all of it. */
    private long backoffNanos(int attempt) {
        long base = settings.initialBackoff().toNanos() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toNanos());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("The EventBridge sender is stopping; the publication stays incomplete and is "
                + "resubmitted later");
    }

    private record Pending(PutEventsRequestEntry entry, int size, CompletableFuture<Void> done, int attempt) {

        Pending nextAttempt() {
            return new Pending(entry, size, done, attempt + 1);
        }
    }
}
