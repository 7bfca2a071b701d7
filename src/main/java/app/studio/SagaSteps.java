package app.studio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of one content saga, in the order they started, and the saga's status derived from them.
 * <p>
 * The content saga is generate (studio) → save to the library → update analytics → notify the user, with the brand
 * audit as one more step for listings. {@code generate} and {@code library} decide the outcome: when either fails
 * for good or does not answer in time, the saga compensates (the quota unit is given back, what the library saved
 * is withdrawn, the user is told). The steps after the library save cannot undo anything the user cares about, so
 * they are retried forward instead: when one fails or times out the saga is {@code INCOMPLETE} (the content is
 * safe; the step's event is still retried by the event registry) until it answers.
 */
final class SagaSteps {

    static final String ACCEPTED = "accepted";
    static final String GENERATE = "generate";
    static final String LIBRARY = "library";
    static final String ANALYTICS = "analytics";
    static final String NOTIFY = "notify";
    static final String BRAND_AUDIT = "brand-audit";
    static final String REFUND_QUOTA = "refund-quota";
    static final String REMOVE_FROM_LIBRARY = "remove-from-library";
    static final String NOTIFY_FAILURE = "notify-failure";

    /** Steps whose failure or silence makes the saga compensate. */
    private static final Set<String> DECISIVE = Set.of(GENERATE, LIBRARY);
    private static final Set<String> COMPENSATIONS = Set.of(REFUND_QUOTA, REMOVE_FROM_LIBRARY, NOTIFY_FAILURE);

    /** The saga as a whole. */
    enum Status {
        RUNNING, COMPLETED, INCOMPLETE, COMPENSATING, COMPENSATED, COMPENSATION_FAILED
    }

    private final List<SagaStep> steps;

    SagaSteps(List<SagaStep> steps) {
        this.steps = new ArrayList<>(steps);
    }

    static boolean isDecisive(String step) {
        return DECISIVE.contains(step);
    }

    static boolean isCompensation(String step) {
        return COMPENSATIONS.contains(step);
    }

    List<SagaStep> list() {
        return Collections.unmodifiableList(steps);
    }

    Optional<SagaStep> find(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }

    /** Replaces the step of the same name in place, or appends it. */
    void put(SagaStep step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(step.name())) {
                steps.set(i, step);
                return;
            }
        }
        steps.add(step);
    }

    boolean isCompensating() {
        return steps.stream().anyMatch(step -> isCompensation(step.name()));
    }

    /** The open steps whose deadline has passed. */
    List<SagaStep> overdueAt(Instant now) {
        return steps.stream().filter(step -> step.isOpen() && step.deadline() != null && !step.deadline().isAfter(now))
                .toList();
    }

    /** The earliest deadline of an open step: when the saga must next be looked at, if nothing answers. */
    Optional<Instant> nextDeadline() {
        return steps.stream().filter(SagaStep::isOpen).map(SagaStep::deadline).filter(Objects::nonNull)
                .min(Comparator.naturalOrder());
    }

    /** Closes the forward steps that will no longer run because the saga compensates. */
    void cancelOpenForwardSteps(Instant now) {
        for (SagaStep step : List.copyOf(steps)) {
            if (step.isOpen() && !isCompensation(step.name())) {
                put(new SagaStep(step.name(), "CANCELLED", now, null, "not run: the generation was given up"));
            }
        }
    }

    Status status() {
        if (isCompensating()) {
            List<SagaStep> compensations = steps.stream().filter(step -> isCompensation(step.name())).toList();
            if (compensations.stream().anyMatch(SagaStep::hasFailed)) {
                return Status.COMPENSATION_FAILED;
            }
            return compensations.stream().allMatch(SagaStep::isCompleted) ? Status.COMPENSATED : Status.COMPENSATING;
        }
        if (steps.stream().allMatch(SagaStep::isCompleted)) {
            return Status.COMPLETED;
        }
        return steps.stream().anyMatch(SagaStep::hasFailed) ? Status.INCOMPLETE : Status.RUNNING;
    }
}
