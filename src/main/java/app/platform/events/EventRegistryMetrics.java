package app.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business metrics of the event registry: {@code app.events.publications} counted by outcome (published, completed,
 * failed, retried), {@code app.events.oldest.incomplete.age}, the age in seconds of the oldest publication that
 * has not completed (0 when there is none), the figure to alert on, {@code app.events.publications.exhausted}, the
 * failed publications that used up their attempts and wait for an operator,
 * {@code app.events.publications.unreadable}, publications this instance found it cannot read (each counted once), and
 * {@code app.events.leases} by outcome: renewed while a listener runs, expired (failed for a retry because the instance
 * holding it stopped renewing it) and lost (a renewal found the claim taken over while the listener still ran here).
 */
class EventRegistryMetrics {

    private final Counter published;
    private final Counter completed;
    private final Counter failed;
    private final Counter retried;
    private final Counter unreadable;
    private final Counter leasesRenewed;
    private final Counter leasesExpired;
    private final Counter leasesLost;

    EventRegistryMetrics(MeterRegistry registry, Supplier<Optional<Instant>> oldestIncomplete, IntSupplier exhausted,
            Clock clock) {
        this.published = counter(registry, "published");
        this.completed = counter(registry, "completed");
        this.failed = counter(registry, "failed");
        this.retried = counter(registry, "retried");
        this.unreadable = Counter.builder("app.events.publications.unreadable")
                .description("Event publications skipped because their event cannot be read (class missing, payload "
                        + "corrupt); each counted once per instance")
                .register(registry);
        this.leasesRenewed = lease(registry, "renewed");
        this.leasesExpired = lease(registry, "expired");
        this.leasesLost = lease(registry, "lost");
        Gauge.builder("app.events.oldest.incomplete.age", () -> oldestIncomplete.get()
                        .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0))
                .description("Age of the oldest event publication that has not completed")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("app.events.publications.exhausted", exhausted::getAsInt)
                .description("Failed event publications that used up their attempts and wait for an operator")
                .register(registry);
    }

    void published(int count) {
        published.increment(count);
    }

    void completed() {
        completed.increment();
    }

    void failed() {
        failed.increment();
    }

    void retried() {
        retried.increment();
    }

    void unreadable() {
        unreadable.increment();
    }

    void leaseRenewed() {
        leasesRenewed.increment();
    }

    void leaseExpired() {
        leasesExpired.increment();
    }

    void leaseLost() {
        leasesLost.increment();
    }

    private static Counter lease(MeterRegistry registry, String outcome) {
        return Counter.builder("app.events.leases")
                .description("Leases on claimed event publications by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("app.events.publications")
                .description("Event publications by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
