package app.platform.saga;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a saga as its owner last heard of it.
 *
 * @param name the step's name, one the saga's owner defines
 * @param status {@code PENDING}, {@code RUNNING}, {@code COMPLETED}, {@code FAILED}, {@code TIMED_OUT} or
 *     {@code CANCELLED}
 * @param at when the step last changed
 * @param deadline until when the studio waits for an answer (only while the step is open)
 * @param reason why it failed or timed out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SagaStep(String name, String status, Instant at, Instant deadline, String reason) {

    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String CANCELLED = "CANCELLED";

    public static SagaStep pending(String name, Instant at, Instant deadline) {
        return new SagaStep(name, PENDING, at, deadline, null);
    }

    public static SagaStep completed(String name, Instant at) {
        return new SagaStep(name, COMPLETED, at, null, null);
    }

    public static SagaStep failed(String name, Instant at, String reason) {
        return new SagaStep(name, FAILED, at, null, reason);
    }

    public boolean isOpen() {
        return PENDING.equals(status) || RUNNING.equals(status);
    }

    public boolean isCompleted() {
        return COMPLETED.equals(status);
    }

    public boolean hasFailed() {
        return FAILED.equals(status) || TIMED_OUT.equals(status);
    }

    public SagaStep running(Instant now) {
        return new SagaStep(name, RUNNING, now, deadline, null);
    }



    public SagaStep timedOutAt(Instant now, String why) {
        return new SagaStep(name, TIMED_OUT, now, null, why);
    }

    public SagaStep cancelledAt(Instant now, String why) {
        return new SagaStep(name, CANCELLED, now, null, why);
    }
}
