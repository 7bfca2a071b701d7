package app.studio;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a generation's content saga as the studio last heard of it.
 *
 * @param name the step: {@code accepted}, {@code generate}, {@code library}, {@code analytics}, {@code notify},
 *     {@code brand-audit}, or a compensation ({@code refund-quota}, {@code remove-from-library},
 *     {@code notify-failure})
 * @param status {@code PENDING}, {@code RUNNING}, {@code COMPLETED}, {@code FAILED} or {@code TIMED_OUT}
 * @param at when the step last changed
 * @param deadline until when the studio waits for an answer (only while the step is open)
 * @param reason why it failed or timed out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SagaStep(String name, String status, Instant at, Instant deadline, String reason) {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final String TIMED_OUT = "TIMED_OUT";

    static SagaStep pending(String name, Instant at, Instant deadline) {
        return new SagaStep(name, PENDING, at, deadline, null);
    }

    static SagaStep completed(String name, Instant at) {
        return new SagaStep(name, COMPLETED, at, null, null);
    }

    boolean isOpen() {
        return PENDING.equals(status) || RUNNING.equals(status);
    }

    boolean isCompleted() {
        return COMPLETED.equals(status);
    }

    boolean hasFailed() {
        return FAILED.equals(status) || TIMED_OUT.equals(status);
    }

    SagaStep running(Instant now) {
        return new SagaStep(name, RUNNING, now, deadline, null);
    }

    SagaStep completedAt(Instant now) {
        return completed(name, now);
    }

    SagaStep failedAt(Instant now, String why) {
        return new SagaStep(name, FAILED, now, null, why);
    }

    SagaStep timedOutAt(Instant now, String why) {
        return new SagaStep(name, TIMED_OUT, now, null, why);
    }
}
