package app.platform.eventbridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import app.platform.eventbridge.SenderCapacity.Room;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Sends entries to EventBridge in PutEvents calls of at most 10 entries and 256 KB, gathering what arrives within
 * the batch window, with up to {@code max-calls-in-flight} calls at once. Each entry's future completes when
 * EventBridge accepted it; an entry it refuses (or a call that fails) is retried with exponential backoff and jitter,
 * and after the configured attempts its future fails, which marks its event publication failed: visible, and
 * resubmitted by the registry's retrier.
 *
 * <p>It holds at most {@code queue-capacity} entries (waiting for a call, in one, or waiting for a retry). A caller
 * that finds it full waits up to {@code enqueue-timeout} for room, which slows the externalization down to what
 * EventBridge takes; one that still finds none gets a failed future, so its publication fails and is retried later,
 * never silently dropped. It takes entries from its creation on, so that the publications resubmitted while the
 * application starts wait to be sent rather than fail. Stopping, it takes nothing more, sends what it holds for up to
 * {@code drain-timeout} and then fails the rest, so that their publications are marked failed at once rather than
 * left claimed until their lease expires.
 */
class PutEventsBatcher implements SmartLifecycle {

    static final int MAX_ENTRIES = 10;
    /**
     * Stops after the web server (graceful shutdown, then stop) and Boot's task executor, whose listeners are what
     * submits entries, and before any bean is destroyed: failing an entry writes to the registry.
     */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final Logger log = LoggerFactory.getLogger(PutEventsBatcher.class);
    private static final long POLL_MILLIS = 100;

    private final EventBridgeClient client;
    private final EventBridgeSettings settings;
    private final SenderCapacity capacity;
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    /** The futures of every entry held, to fail what is left when stopping. */
    private final Set<CompletableFuture<Void>> held = ConcurrentHashMap.newKeySet();
    private final Set<Pending> awaitingRetry = ConcurrentHashMap.newKeySet();
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private final Counter sent;
    private final Counter failed;
    private final Counter full;
    private volatile boolean running;
    private volatile boolean stopping;
    private Thread assembler;
    private ExecutorService calls;
    private ScheduledExecutorService retryTimer;

    PutEventsBatcher(EventBridgeClient client, EventBridgeSettings settings, MeterRegistry meters) {
        this.client = client;
        this.settings = settings;
        this.capacity = new SenderCapacity(settings.queueCapacity());
        capacity.open(); // publications resubmitted while the application starts come before the lifecycle start
        Gauge.builder("app.eventbridge.queue.depth", capacity::held)
                .description("EventBridge entries held by the sender: waiting for a call, in one, or waiting for a "
                        + "retry; at most app.eventbridge.queue-capacity")
                .register(meters);
        Gauge.builder("app.eventbridge.calls.in.flight", callsInFlight::get)
                .description("PutEvents calls running now; at most app.eventbridge.max-calls-in-flight")
                .register(meters);
        this.sent = entries(meters, "sent");
        this.failed = entries(meters, "failed");
        this.full = entries(meters, "queue-full");
    }

    /**
     * Takes an entry, waiting for room while the sender is full; the future completes once EventBridge has accepted
     * it, and fails if it could not be sent (EventBridge refused it on every attempt, the sender had no room in time,
     * or it is stopping).
     */
    CompletableFuture<Void> submit(PutEventsRequestEntry entry) {
        Room room = take();
        if (room == Room.FULL) {
            full.increment();
            return CompletableFuture.failedFuture(new EventBridgeSenderFull(entry.detailType(), capacity.capacity(),
                    settings.enqueueTimeout()));
        }
        if (room == Room.CLOSED) {
            failed.increment();
            return CompletableFuture.failedFuture(stopped());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        held.add(done);
        done.whenComplete((result, failure) -> {
            held.remove(done);
            capacity.free();
        });
        queue.add(new Pending(entry, EventBridgeEntries.sizeOf(entry), done, 1));
        if (!capacity.isOpen()) {
            done.completeExceptionally(stopped()); // closed meanwhile: the stop may have missed it
        }
        return done;
    }

    @Override
    public void start() {
        stopping = false;
        calls = Executors.newFixedThreadPool(settings.maxCallsInFlight(),
                Thread.ofPlatform().name("eventbridge-call-", 1).daemon(true).factory());
        retryTimer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("eventbridge-retry").daemon(true).factory());
        Semaphore slots = new Semaphore(settings.maxCallsInFlight());
        ExecutorService callsOfThisRun = calls;
        running = true;
        assembler = Thread.ofPlatform().name("eventbridge-sender").daemon(true)
                .start(() -> assembleUntilStopped(slots, callsOfThisRun));
        capacity.open();
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        capacity.close();
        stopping = true;
        retryTimer.shutdownNow();
        awaitingRetry.forEach(this::retryNow);
        try {
            capacity.awaitEmpty(settings.drainTimeout());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        assembler.interrupt();
        calls.shutdownNow();
        List<CompletableFuture<Void>> unsent = List.copyOf(held);
        if (!unsent.isEmpty()) {
            log.warn("Stopping with {} EventBridge entries unsent after {}: their publications are marked failed, to "
                    + "be retried", unsent.size(), settings.drainTimeout());
        }
        unsent.forEach(future -> {
            if (future.completeExceptionally(stopped())) {
                failed.increment();
            }
        });
        queue.clear();
        awaitingRetry.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private Room take() {
        try {
            return capacity.take(settings.enqueueTimeout());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Room.CLOSED;
        }
    }

    /** Gathers batches and hands each to a call thread once one of the call slots is free. */
    private void assembleUntilStopped(Semaphore slots, ExecutorService calls) {
        while (running) {
            try {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                slots.acquire();
                List<Pending> batch = batchStartingWith(first);
                callsInFlight.incrementAndGet();
                calls.execute(() -> {
                    try {
                        send(batch);
                    }
                    finally {
                        callsInFlight.decrementAndGet();
                        slots.release();
                    }
                });
            }
            catch (InterruptedException | RejectedExecutionException stopped) {
                return; // what it held is failed by the stop
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
            if (running) {
                batch.forEach(pending -> retryOrFail(pending, callFailed.getMessage()));
            } // otherwise interrupted by the stop, which fails what it holds
            return;
        }
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < batch.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result != null && result.errorCode() == null) {
                if (batch.get(i).done().complete(null)) {
                    sent.increment();
                }
            }
            else {
                retryOrFail(batch.get(i), result == null ? "no result for the entry"
                        : result.errorCode() + ": " + result.errorMessage());
            }
        }
    }

    private void retryOrFail(Pending pending, String reason) {
        String detailType = pending.entry().detailType();
        if (pending.attempt() >= settings.maxAttempts() || stopping) {
            log.warn("EventBridge refused {} after {} attempt(s): {}", detailType, pending.attempt(), reason);
            if (pending.done().completeExceptionally(
                    new EventBridgeDeliveryFailed(detailType, pending.attempt(), reason))) {
                failed.increment();
            }
            return;
        }
        long delay = backoffNanos(pending.attempt());
        log.debug("EventBridge refused {} (attempt {}): {}; retrying in {} ms", detailType, pending.attempt(), reason,
                TimeUnit.NANOSECONDS.toMillis(delay));
        Pending next = pending.nextAttempt();
        awaitingRetry.add(next);
        try {
            retryTimer.schedule(() -> retryNow(next), delay, TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException stoppedMeanwhile) {
            retryNow(next);
        }
    }

    private void retryNow(Pending pending) {
        if (awaitingRetry.remove(pending)) {
            queue.add(pending);
        }
    }

    /** Exponential backoff capped at the maximum, with jitter between half and all of it. */
    private long backoffNanos(int attempt) {
        long base = settings.initialBackoff().toNanos() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toNanos());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private static Counter entries(MeterRegistry meters, String outcome) {
        return Counter.builder("app.eventbridge.entries")
                .description("EventBridge entries by outcome: sent (accepted by EventBridge), failed (refused on "
                        + "every attempt, or unsent when stopping) and queue-full (turned away by a full sender)")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("The EventBridge sender is stopping; the publication is marked failed and "
                + "is retried, or resubmitted at the next start");
    }

    private record Pending(PutEventsRequestEntry entry, int size, CompletableFuture<Void> done, int attempt) {

        Pending nextAttempt() {
            return new Pending(entry, size, done, attempt + 1);
        }
    }
}
