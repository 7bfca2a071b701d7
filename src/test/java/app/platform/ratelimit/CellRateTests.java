package app.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The cell rate arithmetic that both Redis and the local fallback apply. */
class CellRateTests {

    private static final RateLimit SIXTY_PER_MINUTE = RateLimit.perMinute("free", 60);
    private static final long SECOND = 1_000_000;
    private static final long START = 1_700_000_000L * SECOND;

    @Test
    void aFullBudgetAllowsABurstOfItsLimitCountingDownTheRemainder() {
        long tat = 0;
        for (int spent = 1; spent <= 60; spent++) {
            CellRate.Outcome outcome = CellRate.decide(SIXTY_PER_MINUTE, tat, START, 1, false);
            assertThat(outcome.decision().allowed()).isTrue();
            assertThat(outcome.decision().remaining()).isEqualTo(60 - spent);
            tat = outcome.newTat();
        }

        CellRate.Outcome refused = CellRate.decide(SIXTY_PER_MINUTE, tat, START, 1, false);
        assertThat(refused.decision().allowed()).isFalse();
        assertThat(refused.decision().retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.newTat()).as("a refusal spends nothing").isEqualTo(tat);
    }

    @Test
    void aSpentBudgetRegainsOneRequestPerInterval() {
        long tat = START + 60 * SECOND;

        assertThat(CellRate.decide(SIXTY_PER_MINUTE, tat, START + SECOND / 2, 1, false).decision().retryAfter())
                .isEqualTo(Duration.ofMillis(500));
        CellRate.Outcome later = CellRate.decide(SIXTY_PER_MINUTE, tat, START + SECOND, 1, false);
        assertThat(later.decision().allowed()).isTrue();
        assertThat(later.decision().remaining()).isZero();
        assertThat(later.decision().resetAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aCheckTellsWithoutSpending() {
        CellRate.Outcome check = CellRate.decide(SIXTY_PER_MINUTE, 0, START, 0, false);

        assertThat(check.decision().allowed()).isTrue();
        assertThat(check.decision().remaining()).isEqualTo(60);
        assertThat(check.newTat()).isZero();
    }

    @Test
    void aLeaseTakesAsManyAsWantedOrWhatIsLeft() {
        CellRate.Outcome lease = CellRate.decide(SIXTY_PER_MINUTE, 0, START, 10, false);
        assertThat(lease.granted()).isEqualTo(10);
        assertThat(lease.decision().remaining()).isEqualTo(50);
        assertThat(lease.newTat()).isEqualTo(START + 10 * SECOND);

        CellRate.Outcome rest = CellRate.decide(SIXTY_PER_MINUTE, START + 57 * SECOND, START, 10, false);
        assertThat(rest.granted()).isEqualTo(3);
        assertThat(rest.decision().remaining()).isZero();
    }

    @Test
    void anIdleBudgetIsWholeAgainAfterOnePeriod() {
        long tat = START + 60 * SECOND;

        CellRate.Outcome afterAMinute = CellRate.decide(SIXTY_PER_MINUTE, tat, START + 60 * SECOND, 1, false);

        assertThat(afterAMinute.decision().remaining()).isEqualTo(59);
    }
}
