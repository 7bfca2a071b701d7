package app.platform.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps of one saga, in the order they started, and the saga's status derived from them by its {@link Rules}:
 * decisive steps make the saga compensate when they fail for good or do not answer in time; compensation steps undo
 * what the saga did; every other step is retried forward (when one fails or times out the saga is
 * {@code INCOMPLETE} until it answers). Kept on the saga owner's aggregate as JSON.
 */
public final class SagaSteps {

    /**
     * @param decisive the steps whose failure or silence makes the saga compensate
     * @param compensations the steps that undo what the saga did
     */
    public record Rules(Set<String> decisive, Set<String> compensations) {

        public boolean isDecisive(String step) {
            return decisive.contains(step);
        }

        public boolean isCompensation(String step) {
            return compensations.contains(step);
        }
    }

    /** The saga as a whole. */
    public enum Status {
        RUNNING, COMPLETED, INCOMPLETE, COMPENSATING, COMPENSATED, COMPENSATION_FAILED
    }

    private static final TypeReference<List<SagaStep>> STEP_LIST = new TypeReference<>() {
    };

    private final List<SagaStep> steps;
    private final Rules rules;

    public SagaSteps(List<SagaStep> steps, Rules rules) {
        this.steps = new ArrayList<>(steps);
        this.rules = rules;
    }

    /** The steps stored as a JSON array on the saga owner's aggregate. */
    public static SagaSteps read(JsonMapper json, String document, Rules rules) {
        return new SagaSteps(json.readValue(document, STEP_LIST), rules);
    }

    public String write(JsonMapper json) {
        return json.writeValueAsString(steps);
    }

    public List<SagaStep> list() {
        return Collections.unmodifiableList(steps);
    }

    public Optional<SagaStep> find(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }

    /** Replaces the step of the same name in place, or appends it. */
    public void put(SagaStep step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(step.name())) {
                steps.set(i, step);
                return;
            }
        }
        steps.add(step);
    }

    public boolean isCompensating() {
        return steps.stream().anyMatch(step -> rules.isCompensation(step.name()));
    }

    /** The open steps whose deadline has passed. */
    public List<SagaStep> overdueAt(Instant now) {
        return steps.stream().filter(step -> step.isOpen() && step.deadline() != null && !step.deadline().isAfter(now))
                .toList();
    }

    /** The earliest deadline of an open step: when the saga must next be looked at, if nothing answers. */
    public Optional<Instant> nextDeadline() {
        return steps.stream().filter(SagaStep::isOpen).map(SagaStep::deadline).filter(Objects::nonNull)
                .min(Comparator.naturalOrder());
    }

    /** Closes the forward steps that will no longer run because the saga compensates. */
    public void cancelOpenForwardSteps(Instant now, String why) {
        for (SagaStep step : List.copyOf(steps)) {
            if (step.isOpen() && !rules.isCompensation(step.name())) {
                put(step.cancelledAt(now, why));
            }
        }
    }

    public Status status() {
        if (isCompensating()) {
            List<SagaStep> compensations = steps.stream().filter(step -> rules.isCompensation(step.name())).toList();
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
