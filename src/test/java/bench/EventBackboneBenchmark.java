package bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.Application;
import app.platform.dynamodb.DynamoDbTables;
import app.platform.events.FailedPublicationRetrier;
import app.platform.events.StalePublicationSweeper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Load harness of the event backbone on the local engine (in-memory dynalite), not a test. In one run it measures:
 * <ol>
 * <li>the engine's raw single-item PutItem rate with the same client and concurrency (the ceiling);</li>
 * <li>sustained publish-to-complete throughput and latency: each event published by its own transaction, delivered
 * to a listener that does nothing, until the registry records it completed;</li>
 * <li>the same latency with 1k, 10k and 100k incomplete publications already in the registry, and the cost of one
 * staleness sweep (lease expiry and unclaimed publications) at each of those sizes;</li>
 * <li>how fast the failed-publication retrier drains a backlog of retriable publications (100k by default) whose
 * listener now succeeds, as after an outage of a downstream service.</li>
 * </ol>
 * The raw rate is measured right before each phase, so each ratio compares figures taken side by side.
 * Run with {@code bench/events.sh [events] [concurrency]}.
 */
public final class EventBackboneBenchmark {

    private EventBackboneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int drained = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        CompletionClock clock = new CompletionClock();
        DynamoDbCallCounter counter = new DynamoDbCallCounter();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class, BenchListener.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().addBeanPostProcessor(clock);
                    ctx.getBeanFactory().addBeanPostProcessor(counter);
                })
                .profiles("test")
                .run("--server.port=0", "--app.dynamodb.table-prefix=bench-", "--logging.level.app=warn")) {
            Bench bench = new Bench(context, clock, counter, concurrency);
            System.out.printf("events=%d concurrency=%d%n", events, concurrency);
            bench.publishToComplete("warm-up", events, 0);
            bench.rawPutRate(events);
            bench.publishToComplete("no backlog", events, bench.rawPutRate(events));
            for (int backlog : new int[] { 1_000, 10_000, 100_000 }) {
                bench.growBacklogTo(backlog);
                bench.publishToComplete("backlog " + backlog, events, bench.rawPutRate(events));
                bench.sweepCost("backlog " + backlog);
            }
            bench.drainFailed(drained, bench.rawPutRate(events));
        }
    }

    private static final class Bench {
        private final DynamoDbClient client;
        private final String table;
        private final String platformTable;
        private final TransactionTemplate transaction;
        private final ApplicationEventPublisher events;
        private final CompletionClock clock;
        private final int concurrency;
        private final AtomicLong numbers = new AtomicLong();
        private final AtomicLong rawItems = new AtomicLong();
        private final EventPublicationRepository registry;
        private final StalePublicationSweeper sweeper;
        private final FailedPublicationRetrier retrier;
        private final DynamoDbCallCounter counter;
        private int backlog;

        Bench(ConfigurableApplicationContext context, CompletionClock clock, DynamoDbCallCounter counter,
                int concurrency) {
            this.client = context.getBean(DynamoDbClient.class);
            DynamoDbTables tables = context.getBean(DynamoDbTables.class);
            this.table = tables.physicalName("event-publications");
            this.platformTable = tables.physicalName("platform");
            this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            this.events = context;
            this.clock = clock;
            this.concurrency = concurrency;
            this.registry = context.getBean(EventPublicationRepository.class);
            this.sweeper = context.getBean(StalePublicationSweeper.class);
            this.retrier = context.getBean(FailedPublicationRetrier.class);
            this.counter = counter;
        }

        /** Measures and prints the engine's raw PutItem rate, in items per second. */
        double rawPutRate(int count) throws InterruptedException {
            long start = System.nanoTime();
            runConcurrently(count, i -> client.putItem(request -> request.tableName(platformTable).item(Map.of(
                    "pk", AttributeValue.fromS("bench#" + rawItems.incrementAndGet()), "sk", AttributeValue.fromS("raw"),
                    "payload", AttributeValue.fromS("x".repeat(200))))));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-14s %6d items in %.2f s = %.0f items/s%n", "raw PutItem", count, seconds,
                    count / seconds);
            return count / seconds;
        }

        /** Publishes and completes {@code count} events and prints the rate, also against the raw PutItem rate. */
        void publishToComplete(String label, int count, double rawRate) throws InterruptedException {
            clock.drain();
            long start = System.nanoTime();
            runConcurrently(count, i -> transaction.executeWithoutResult(status ->
                    events.publishEvent(new BenchEvent(numbers.incrementAndGet(), System.nanoTime()))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (clock.completed() < count && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> latencies = new ArrayList<>(clock.drain());
            Collections.sort(latencies);
            System.out.printf("%-14s %6d events completed of %d in %.2f s = %.0f events/s; publish->complete ms "
                    + "p50 %.1f p99 %.1f max %.1f; vs raw PutItem %.2f%n", label, latencies.size(), count, seconds,
                    latencies.size() / seconds, Percentiles.millis(latencies, 0.50),
                    Percentiles.millis(latencies, 0.99), Percentiles.millis(latencies, 1.0),
                    rawRate == 0 ? Double.NaN : latencies.size() / seconds / rawRate);
        }

        /** Times the staleness sweep (median of 5) with the registry as it is, and counts its DynamoDB calls. */
        void sweepCost(String label) {
            List<Long> nanos = new ArrayList<>();
            long calls = 0;
            for (int run = 0; run < 5; run++) {
                long callsBefore = counter.calls();
                long start = System.nanoTime();
                sweeper.sweep();
                nanos.add(System.nanoTime() - start);
                calls = counter.calls() - callsBefore;
            }
            Collections.sort(nanos);
            System.out.printf("%-14s one staleness sweep: median %.1f ms, %d DynamoDB calls%n", label,
                    nanos.get(2) / 1e6, calls);
        }

        /**
         * Stores {@code count} failed publications whose listener exists and succeeds, then runs the retrier until
         * every one is completed, and prints the drain rate, also against the raw PutItem rate.
         */
        void drainFailed(int count, double rawRate) throws InterruptedException {
            PublicationTargetIdentifier listener = PublicationTargetIdentifier.of(
                    "bench.BenchListener.on(bench.BenchEvent)");
            Instant old = Instant.now().minus(Duration.ofMinutes(1));
            long fillStart = System.nanoTime();
            runConcurrently(count, i -> {
                TargetEventPublication publication = registry.create(TargetEventPublication.of(
                        new BenchEvent(-1_000_000 - i, 0), listener, old));
                registry.markFailed(publication.getIdentifier());
            });
            System.out.printf("%-14s %6d failed publications stored in %.1f s%n", "drain", count,
                    (System.nanoTime() - fillStart) / 1e9);
            long completedBefore = clock.completions();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(15);
            while (clock.completions() - completedBefore < count && System.nanoTime() < deadline) {
                if (retrier.retryFailed() == 0) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long completed = clock.completions() - completedBefore;
            System.out.printf("%-14s %6d of %d retriable publications completed in %.1f s = %.0f publications/s; "
                    + "vs raw PutItem %.2f%n", "drain", completed, count, seconds, completed / seconds,
                    completed / seconds / rawRate);
        }

        /** Adds incomplete publications (for a listener that no longer exists) until the registry holds this many. */
        void growBacklogTo(int target) throws InterruptedException {
            int missing = target - backlog;
            PublicationTargetIdentifier gone = PublicationTargetIdentifier.of("bench.RemovedListener.on(bench.BenchEvent)");
            Instant old = Instant.now().minus(Duration.ofMinutes(1));
            runConcurrently(missing, i -> {
                TargetEventPublication publication = TargetEventPublication.of(new BenchEvent(-i, 0), gone, old);
                client.putItem(request -> request.tableName(table).item(Map.of(
                        "pk", AttributeValue.fromS(UUID.randomUUID().toString()),
                        "eventType", AttributeValue.fromS(BenchEvent.class.getName()),
                        "listenerId", AttributeValue.fromS(gone.getValue()),
                        "event", AttributeValue.fromS("{\"number\":" + (-i) + ",\"publishedAtNanos\":0}"),
                        "publicationDate", AttributeValue.fromS(app.platform.dynamodb.SortableTime.format(old)),
                        "status", AttributeValue.fromS("PUBLISHED"),
                        "completionAttempts", AttributeValue.fromN("1"),
                        "statusShard", AttributeValue.fromS("PUBLISHED#" + Math.floorMod(i, 4)),
                        "statusSort", AttributeValue.fromS(app.platform.dynamodb.SortableTime.format(old) + "#"
                                + publication.getIdentifier()))));
            });
            backlog = target;
        }

        private void runConcurrently(int count, java.util.function.IntConsumer work) throws InterruptedException {
            Semaphore permits = new Semaphore(concurrency);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < count; i++) {
                    int number = i;
                    permits.acquire();
                    pool.submit(() -> {
                        try {
                            work.accept(number);
                        }
                        finally {
                            permits.release();
                        }
                    });
                }
            }
        }
    }
}
