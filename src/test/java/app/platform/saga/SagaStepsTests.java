package app.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A saga's status follows from its steps and its rules. */
class SagaStepsTests {

    private static final SagaSteps.Rules RULES = new SagaSteps.Rules(Set.of("pay"), Set.of("refund"));
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aSagaRunsUntilEveryStepCompleted() {
        SagaSteps steps = steps(SagaStep.completed("pay", NOW), SagaStep.pending("ship", NOW, NOW.plusSeconds(30)));
        assertThat(steps.status()).isEqualTo(SagaSteps.Status.RUNNING);

        steps.put(SagaStep.completed("ship", NOW));

        assertThat(steps.status()).isEqualTo(SagaSteps.Status.COMPLETED);
        assertThat(steps.list()).extracting(SagaStep::name).as("a step keeps its place").containsExactly("pay", "ship");
    }

    @Test
    void aForwardStepThatTimedOutLeavesTheSagaIncompleteUntilItAnswers() {
        SagaSteps steps = steps(SagaStep.completed("pay", NOW), SagaStep.pending("ship", NOW, NOW.plusSeconds(30)));

        assertThat(steps.overdueAt(NOW.plusSeconds(29))).isEmpty();
        steps.put(steps.overdueAt(NOW.plusSeconds(30)).getFirst().timedOutAt(NOW, "no answer"));

        assertThat(steps.status()).isEqualTo(SagaSteps.Status.INCOMPLETE);
        assertThat(steps.nextDeadline()).as("nothing left to wait for").isEmpty();
        steps.put(SagaStep.completed("ship", NOW));
        assertThat(steps.status()).isEqualTo(SagaSteps.Status.COMPLETED);
    }

    @Test
    void compensationsDecideTheStatusOnceTheSagaCompensates() {
        SagaSteps steps = steps(SagaStep.completed("pay", NOW), SagaStep.pending("ship", NOW, NOW.plusSeconds(30)));
        steps.cancelOpenForwardSteps(NOW, "given up");
        steps.put(SagaStep.pending("refund", NOW, NOW.plusSeconds(60)));
        assertThat(steps.find("ship")).get().extracting(SagaStep::status).isEqualTo(SagaStep.CANCELLED);
        assertThat(steps.status()).isEqualTo(SagaSteps.Status.COMPENSATING);
        assertThat(steps.nextDeadline()).contains(NOW.plusSeconds(60));

        steps.put(SagaStep.pending("refund", NOW, NOW.plusSeconds(60)).timedOutAt(NOW, "no answer"));
        assertThat(steps.status()).isEqualTo(SagaSteps.Status.COMPENSATION_FAILED);

        steps.put(SagaStep.completed("refund", NOW));
        assertThat(steps.status()).as("a retried compensation that succeeds").isEqualTo(SagaSteps.Status.COMPENSATED);
    }

    private static SagaSteps steps(SagaStep... steps) {
        return new SagaSteps(new ArrayList<>(List.of(steps)), RULES);
    }
}
